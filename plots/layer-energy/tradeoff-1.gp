# joule figure: `gnuplot tradeoff-1.gp` in this folder writes tradeoff-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'tradeoff-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title ''
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'accuracy against energy'
set xlabel 'energy (J, estimated)'
set ylabel 'accuracy'
$joule_p1_s1 << EOD
14.99 0.8085
14.41 0.7905
14.8 0.699
14.95 0.7585
21.42 0.759
20.52 0.7465
20.27 0.7335
19.64 0.702
12.93 0.793
14.48 0.7415
12.28 0.74
15.03 0.711
21.99 0.694
22.04 0.6935
22.56 0.6445
22.73 0.625
15.71 0.799
16.73 0.8015
17.27 0.7825
16.31 0.5705
21.81 0.757
21.54 0.425
22.87 0.667
22.02 0.5505
15.44 0.757
15.5 0.646
16.91 0.6205
16.04 0.7035
21.72 0.794
22.28 0.622
23.11 0.7255
22.59 0.704
14.09 0.6315
15.42 0.8145
15.52 0.782
15.63 0.645
21.82 0.7205
22.6 0.7415
21.71 0.4795
23.31 0.523
15.64 0.736
15.42 0.7995
15.75 0.639
16.69 0.7215
21.72 0.4175
23.43 0.6695
23.18 0.7245
22.86 0.683
EOD
$joule_p1_pareto << EOD
12.28 0.74
12.93 0.793
14.99 0.8085
15.42 0.8145
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' notitle, \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
