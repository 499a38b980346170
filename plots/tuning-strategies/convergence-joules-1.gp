# joule figure: `gnuplot convergence-joules-1.gp` in this folder writes convergence-joules-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'convergence-joules-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title 'strategy'
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'Best accuracy so far by energy spent (mean over seeds)'
set xlabel 'cumulative joules (estimated)'
set ylabel 'best test accuracy'
$joule_p1_s1 << EOD
1.997838505 0.102
4.343263163 0.274
6.681391981 0.316
8.923343754 0.316
11.12241388 0.316
13.26093756 0.316
EOD
$joule_p1_s2 << EOD
2.117761448 0.556
4.228513167 0.556
6.343942148 0.556
8.50444855 0.556
10.32851102 0.556
11.72885534 0.556
EOD
$joule_p1_s3 << EOD
1.555051746 0.556
2.91710698 0.556
4.519314367 0.556
6.013716782 0.668
7.41000175 0.668
8.881140497 0.668
EOD
$joule_p1_s4 << EOD
1.953425031 0.556
4.116725967 0.556
5.858027946 0.622
7.694449107 0.622
9.315622278 0.622
11.08286256 0.622
EOD
$joule_p1_s5 << EOD
1.80156234 0.556
3.484537612 0.556
EOD
plot $joule_p1_s1 using 1:2 with steps lw 2 lc rgb '#1f77b4' title 'grid', \
     $joule_p1_s2 using 1:2 with steps lw 2 lc rgb '#ff7f0e' title 'random', \
     $joule_p1_s3 using 1:2 with steps lw 2 lc rgb '#2ca02c' title 'bayes (PI)', \
     $joule_p1_s4 using 1:2 with steps lw 2 lc rgb '#d62728' title 'bayes (EI per joule)', \
     $joule_p1_s5 using 1:2 with steps lw 2 lc rgb '#9467bd' title 'bayes (PI), budget'
unset output
