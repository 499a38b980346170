# joule figure: `gnuplot boxplot-1.gp` in this folder writes boxplot-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'boxplot-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced outside right top box opaque title 'relu'
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'energy per training run'
set xlabel 'conv'
set ylabel 'energy_j (estimated)'
set xtics ('1' 0, '4' 1) rotate by -35 noenhanced
set xrange [-0.6:1.6]
set style fill solid 0.35 border lc rgb '#333333'
set style boxplot nooutliers medianlinewidth 2.5
set boxwidth 0.315
$joule_p1_s1_b1 << EOD
-0.28 3.846767781
-0.1502128624 3.857446599
-0.2304257247 3.34403705
-0.1006385871 3.252649308
-0.1808514495 3.542001974
-0.2610643118 3.170930629
-0.1312771742 4.031052781
-0.2114900365 4.265571417
-0.0817028989 3.552818995
-0.1619157613 3.660956736
-0.2421286236 3.624035428
-0.112341486 3.239231648
EOD
$joule_p1_s1_b2 << EOD
0.72 5.546347089
0.8497871376 4.907073127
0.7695742753 4.431864467
0.8993614129 4.690789764
0.8191485505 4.951929815
0.7389356882 4.923134571
0.8687228258 5.050343109
0.7885099635 4.919606113
0.9182971011 5.318514932
0.8380842387 4.643963879
0.7578713764 4.590505685
0.887658514 5.026241845
EOD
$joule_p1_s2_b1 << EOD
0.07 3.082595848
0.1997871376 3.245884794
0.1195742753 3.166456491
0.2493614129 3.094567091
0.1691485505 3.157507073
0.08893568819 3.011480942
0.2187228258 3.199491871
0.1385099635 3.602715266
0.2682971011 3.58665442
0.1880842387 3.3094094
0.1078713764 3.333094763
0.237658514 3.450820072
EOD
$joule_p1_s2_b2 << EOD
1.07 4.20395732
1.199787138 4.910002562
1.119574275 4.837751979
1.249361413 4.857568176
1.169148551 5.023596722
1.088935688 4.983095595
1.218722826 5.33498397
1.138509963 5.861688021
1.268297101 5.135945925
1.188084239 4.612671473
1.107871376 4.404022455
1.237658514 4.867300729
EOD
plot $joule_p1_s1_b1 using (-0.175):2 with boxplot lc rgb '#1f77b4' title 'false', \
     $joule_p1_s1_b1 using 1:2 with points pt 7 ps 0.6 lc rgb '#1f77b4' notitle, \
     $joule_p1_s1_b2 using (0.825):2 with boxplot lc rgb '#1f77b4' notitle, \
     $joule_p1_s1_b2 using 1:2 with points pt 7 ps 0.6 lc rgb '#1f77b4' notitle, \
     $joule_p1_s2_b1 using (0.175):2 with boxplot lc rgb '#ff7f0e' title 'true', \
     $joule_p1_s2_b1 using 1:2 with points pt 7 ps 0.6 lc rgb '#ff7f0e' notitle, \
     $joule_p1_s2_b2 using (1.175):2 with boxplot lc rgb '#ff7f0e' notitle, \
     $joule_p1_s2_b2 using 1:2 with points pt 7 ps 0.6 lc rgb '#ff7f0e' notitle
unset output
