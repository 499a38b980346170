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
6.430788642 0.727
11.98560841 0.726
17.17196194 0.784
21.95143839 0.777
27.14482216 0.744
32.33431129 0.796
EOD
$joule_p1_s2 << EOD
6.526069491 0.637
10.97596533 0.694
15.80904791 0.721
20.31524822 0.719
25.12048415 0.725
29.66364025 0.737
EOD
$joule_p1_s3 << EOD
6.233212739 0.607
11.08457115 0.677
15.89748196 0.685
20.74635025 0.681
25.58245734 0.561
31.09628521 0.652
EOD
plot $joule_p1_s1 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'best lr', \
     $joule_p1_s2 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'lr / 10', \
     $joule_p1_s3 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'lr x 10'
unset output
