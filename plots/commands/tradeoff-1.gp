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
14.67418461 0.747 8.305588487 35.62892022
14.08606927 0.714 7.972715206 34.20097619
14.68266509 0.793 8.310388443 35.64951085
14.7728131 0.766 8.361412217 35.86839022
14.1098287 0.785 7.986163042 34.25866407
12.38179187 0.782 7.008094197 30.06299065
12.3991954 0.796 7.017944595 30.10524642
17.25124459 0.795 9.764204439 41.88602187
15.10555206 0.794 8.549742466 36.6762804
15.02781629 0.797 8.505744019 36.48753795
13.87126107 0.794 7.851133765 33.67942188
13.05352205 0.794 7.388293482 31.69395155
EOD
$joule_p1_pareto << EOD
12.38179187 0.782
12.3991954 0.796
15.02781629 0.797
EOD
plot $joule_p1_s1 using 1:2:3:4 with xerrorbars pt 7 ps 1.2 lc rgb '#1f77b4' notitle, \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
