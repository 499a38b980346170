# joule figure: `gnuplot front-plot-1.gp` in this folder writes front-plot-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'front-plot-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title ''
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'accuracy against energy'
set xlabel 'energy (J, estimated)'
set ylabel 'accuracy'
$joule_p1_s1 << EOD
1.45295083 0.63
1.38967562 0.396
1.965857558 0.098
2.185443378 0.098
1.582359809 0.102
1.439026792 0.089
1.512812701 0.101
1.556201461 0.674
0.7697955518 0.653
1.56067352 0.687
0.7726621551 0.583
0.1113500394 0.102
0.8088152006 0.598
0.7917351699 0.686
1.512712596 0.77
0.8250948955 0.165
0.7839750009 0.684
1.565133233 0.691
1.514103739 0.684
0.0745900656 0.102
0.7801777893 0.663
1.519244655 0.771
0.8182581626 0.588
0.7589063229 0.684
0.6145038979 0.618
0.6241975402 0.379
0.6681934837 0.561
0.1411753564 0.102
1.339838999 0.653
1.930852156 0.792
EOD
$joule_p1_pareto << EOD
0.0745900656 0.102
0.6145038979 0.618
0.7589063229 0.684
0.7917351699 0.686
1.512712596 0.77
1.519244655 0.771
1.930852156 0.792
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' notitle, \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
