# joule figure: `gnuplot epochs-1.gp` in this folder writes epochs-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'epochs-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title 'run'
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'Test accuracy after each epoch against joules so far'
set xlabel 'joules (the program’s share, estimated)'
set ylabel 'test accuracy'
$joule_p1_s1 << EOD
2.603690074 0.722
4.715313325 0.753
6.769415111 0.776
8.600113153 0.782
10.53003837 0.776
12.36230823 0.797
EOD
$joule_p1_s2 << EOD
2.609273562 0.619
4.678479356 0.675
6.71957121 0.705
8.655998613 0.714
10.50444332 0.721
12.44179433 0.722
EOD
$joule_p1_s3 << EOD
3.109254132 0.728
4.977530443 0.69
6.949718264 0.714
8.801652999 0.745
10.71856743 0.601
12.571091 0.698
EOD
plot $joule_p1_s1 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'best lr', \
     $joule_p1_s2 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'lr / 10', \
     $joule_p1_s3 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'lr x 10'
unset output
