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
1.826771569 0.63
1.757830571 0.342
2.612042236 0.106
2.487207191 0.098
1.726878411 0.099
1.708794929 0.101
1.581743067 0.106
1.570863708 0.666
0.7305479508 0.654
1.394559132 0.561
0.7066169182 0.58
0.8122659637 0.376
0.7186356792 0.501
1.803423391 0.712
0.1340656242 0.102
0.7643246896 0.658
0.9142861985 0.709
1.716197289 0.633
1.730897845 0.066
1.839939415 0.698
0.930152866 0.66
0.8939325183 0.618
0.8571031773 0.697
0.8178306846 0.731
0.8276307727 0.382
0.7994064276 0.683
1.412425554 0.497
0.1138172751 0.102
0.7101202316 0.692
0.1300755465 0.102
EOD
$joule_p1_pareto << EOD
0.1138172751 0.102
0.7066169182 0.58
0.7101202316 0.692
0.8178306846 0.731
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' notitle, \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
