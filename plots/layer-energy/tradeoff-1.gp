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
0.99 0.684
0.97 0.506
0.97 0.65
1.04 0.394
1.48 0.35
1.93 0.484
1.41 0.47
1.58 0.2
EOD
$joule_p1_pareto << EOD
0.97 0.65
0.99 0.684
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' notitle, \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
