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
15.87490282 0.739 8.985194999 38.54426406
12.42119779 0.657 7.030397947 30.15866822
14.9524779 0.792 8.463102492 36.30461634
13.30579136 0.787 7.531077911 32.30646143
18.27469136 0.796 10.34347531 44.37095062
14.8071504 0.781 8.380847129 35.95176118
14.80834389 0.782 8.381522639 35.95465895
13.37290902 0.795 7.569066503 32.46942309
12.78164142 0.797 7.234409044 31.03382537
13.42296986 0.797 7.597400944 32.59097083
13.16021115 0.796 7.448679511 31.95299267
13.51300286 0.786 7.648359621 32.80957095
EOD
$joule_p1_pareto << EOD
12.42119779 0.657
12.78164142 0.797
EOD
plot $joule_p1_s1 using 1:2:3:4 with xerrorbars pt 7 ps 1.2 lc rgb '#1f77b4' notitle, \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
