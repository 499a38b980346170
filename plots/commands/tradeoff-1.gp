# joule figure: `gnuplot tradeoff-1.gp` in this folder writes tradeoff-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'tradeoff-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title ''
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'logreg.py trials: accuracy against the program’s joules'
set xlabel 'joules (the program’s share, estimated)'
set ylabel 'accuracy'
$joule_p1_s1 << EOD
30.08320866 0.739
30.58049785 0.657
29.68818442 0.792
30.17537354 0.796
32.14654757 0.789
30.65532209 0.667
30.6806119 0.796
30.51197156 0.796
30.70048646 0.794
31.47578795 0.764
30.16914945 0.78
30.68242827 0.796
EOD
$joule_p1_pareto << EOD
29.68818442 0.792
30.17537354 0.796
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' notitle, \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
