# joule figure: `gnuplot spent-1.gp` in this folder writes spent-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'spent-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title ''
set offsets 0, 0, graph 0.05, 0
set title 'Joules spent per study (mean over seeds)'
set xlabel 'strategy'
set ylabel 'joules (estimated)'
set style fill solid 0.85 border lc rgb '#333333'
set boxwidth 0.8
set yrange [0:*]
set xtics ('grid' 0, 'random' 1, 'bayes (PI)' 2, 'bayes (EI per jou…' 3, 'bayes (PI), budget' 4) rotate by -35 noenhanced
set xrange [-0.6:4.6]
$joule_p1_s1 << EOD
0 24.2
1 23.8
2 24.4
3 19.2
4 12
EOD
set key off
plot $joule_p1_s1 using 1:2 with boxes lc rgb '#1f77b4' notitle
unset output
