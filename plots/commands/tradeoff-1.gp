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
13.35366308 0.739 8.072289335 29.99232729
14.05668945 0.657 8.49726877 31.5713245
12.67078265 0.792 7.659488112 28.45857783
13.25369153 0.796 8.011856531 29.76779118
13.54779091 0.795 8.189639603 30.42833837
13.71391591 0.718 8.290062166 30.80145513
13.12125766 0.796 7.931800254 29.4703447
12.69877357 0.797 7.676408625 28.52144545
13.67661709 0.754 8.267515033 30.71768199
12.03646947 0.795 7.276045797 27.03391044
12.67560234 0.729 7.662401616 28.46940286
12.81621128 0.793 7.74739972 28.78521054
EOD
$joule_p1_pareto << EOD
12.03646947 0.795
12.69877357 0.797
EOD
plot $joule_p1_s1 using 1:2:3:4 with xerrorbars pt 7 ps 1.2 lc rgb '#1f77b4' notitle, \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
