# joule figure: `gnuplot convergence-1.gp` in this folder writes convergence-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'convergence-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title 'strategy'
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'Best accuracy so far by round (mean over seeds)'
set xlabel 'round'
set ylabel 'best test accuracy'
$joule_p1_s1 << EOD
1 0.102
2 0.274
3 0.316
4 0.316
5 0.316
6 0.316
EOD
$joule_p1_s2 << EOD
1 0.556
2 0.556
3 0.556
4 0.556
5 0.556
6 0.556
EOD
$joule_p1_s3 << EOD
1 0.556
2 0.556
3 0.556
4 0.668
5 0.668
6 0.668
EOD
$joule_p1_s4 << EOD
1 0.556
2 0.556
3 0.622
4 0.622
5 0.622
6 0.622
EOD
$joule_p1_s5 << EOD
1 0.556
2 0.556
EOD
plot $joule_p1_s1 using 1:2 with steps lw 2 lc rgb '#1f77b4' title 'grid', \
     $joule_p1_s2 using 1:2 with steps lw 2 lc rgb '#ff7f0e' title 'random', \
     $joule_p1_s3 using 1:2 with steps lw 2 lc rgb '#2ca02c' title 'bayes (PI)', \
     $joule_p1_s4 using 1:2 with steps lw 2 lc rgb '#d62728' title 'bayes (EI per joule)', \
     $joule_p1_s5 using 1:2 with steps lw 2 lc rgb '#9467bd' title 'bayes (PI), budget'
unset output
