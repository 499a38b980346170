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
3.009571901 0.714
4.956670258 0.752
6.909854527 0.763
8.859961174 0.778
10.91073582 0.778
13.05262988 0.797
EOD
$joule_p1_s2 << EOD
3.239645374 0.602
5.224498038 0.662
7.176554759 0.681
9.149964422 0.685
11.10704801 0.703
13.04632638 0.716
EOD
$joule_p1_s3 << EOD
2.5566879 0.721
4.471965911 0.698
6.615628661 0.728
8.751834217 0.769
10.71724041 0.699
12.75893086 0.694
EOD
plot $joule_p1_s1 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'best lr', \
     $joule_p1_s2 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'lr / 10', \
     $joule_p1_s3 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'lr x 10'
unset output
