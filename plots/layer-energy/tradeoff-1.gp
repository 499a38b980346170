# joule figure: `gnuplot tradeoff-1.gp` in this folder writes tradeoff-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'tradeoff-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title 'label'
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'accuracy against energy'
set xlabel 'energy (J, estimated)'
set ylabel 'accuracy'
$joule_p1_s1 << EOD
4.20395732 0.817
4.910002562 0.7365
4.837751979 0.6625
5.546347089 0.795
4.907073127 0.725
4.431864467 0.7565
4.690789764 0.715
4.857568176 0.7755
5.023596722 0.803
4.983095595 0.7285
4.951929815 0.827
5.33498397 0.7385
5.861688021 0.7395
4.923134571 0.8155
5.050343109 0.6675
4.919606113 0.7845
5.135945925 0.773
5.318514932 0.7645
4.612671473 0.657
4.643963879 0.7895
4.404022455 0.7575
4.590505685 0.7675
5.026241845 0.6865
4.867300729 0.772
EOD
$joule_p1_s2 << EOD
3.082595848 0.793
3.245884794 0.7025
3.166456491 0.799
3.846767781 0.734
3.857446599 0.719
3.34403705 0.845
3.094567091 0.8255
3.252649308 0.812
3.157507073 0.7965
3.011480942 0.781
3.542001974 0.8045
3.170930629 0.8145
3.199491871 0.827
4.031052781 0.806
4.265571417 0.713
3.602715266 0.7345
3.552818995 0.8045
3.660956736 0.8025
3.58665442 0.709
3.3094094 0.815
3.333094763 0.7985
3.624035428 0.7695
3.450820072 0.7155
3.239231648 0.8175
EOD
$joule_p1_pareto << EOD
3.011480942 0.781
3.082595848 0.793
3.094567091 0.8255
3.199491871 0.827
3.34403705 0.845
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title '4 conv', \
     $joule_p1_s2 using 1:2 with points pt 7 ps 1.2 lc rgb '#ff7f0e' title '1 conv', \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
