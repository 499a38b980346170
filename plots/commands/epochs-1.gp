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
2.556005036 0.718
4.517786178 0.752
6.574179225 0.77
8.60672697 0.779
10.66720477 0.779
12.84300911 0.797
EOD
$joule_p1_s2 << EOD
2.808574984 0.609
4.958692847 0.671
7.000945648 0.693
8.942570293 0.705
11.10405697 0.72
13.05596406 0.719
EOD
$joule_p1_s3 << EOD
2.501646815 0.73
4.770369136 0.677
6.812880109 0.749
8.855369591 0.736
10.79010755 0.625
12.73744924 0.748
EOD
plot $joule_p1_s1 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'best lr', \
     $joule_p1_s2 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'lr / 10', \
     $joule_p1_s3 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'lr x 10'
unset output
