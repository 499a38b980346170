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
30.08849928 0.739
31.98316959 0.657
39.21829964 0.792
32.92634867 0.792
32.85888121 0.774
28.28577248 0.795
26.99913131 0.797
27.62704987 0.796
30.42200141 0.78
30.84030924 0.797
29.68307796 0.794
34.14376037 0.796
EOD
$joule_p1_pareto << EOD
26.99913131 0.797
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' notitle, \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
