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
-0.28 1.575611996
-0.1502128624 1.64016686
-0.2304257247 1.57845723
-0.1006385871 1.449802869
-0.1808514495 1.591139755
-0.2610643118 1.607274191
-0.1312771742 2.046637404
-0.2114900365 2.21425081
-0.0817028989 2.021456498
-0.1619157613 2.12807978
-0.2421286236 1.5884528
-0.112341486 1.579214365
EOD
$joule_p1_s1_b2 << EOD
0.72 2.275710768
0.8497871376 2.17027337
0.7695742753 2.331726034
0.8993614129 2.265783968
0.8191485505 2.807685214
0.7389356882 2.432585863
0.8687228258 3.047842387
0.7885099635 2.72614665
0.9182971011 2.610119531
0.8380842387 2.323905477
0.7578713764 2.476688095
0.887658514 2.580884942
EOD
$joule_p1_s2_b1 << EOD
0.07 1.416226325
0.1997871376 1.757329777
0.1195742753 2.074188472
0.2493614129 1.481125429
0.1691485505 1.636436315
0.08893568819 1.456004463
0.2187228258 1.777850752
0.1385099635 1.630443733
0.2682971011 1.807061378
0.1880842387 1.910091726
0.1078713764 1.873619942
0.237658514 1.725771487
EOD
$joule_p1_s2_b2 << EOD
1.07 2.02528229
1.199787138 2.447506428
1.119574275 2.754436385
1.249361413 2.170047882
1.169148551 2.47846248
1.088935688 2.919529546
1.218722826 2.817739185
1.138509963 2.938760797
1.268297101 2.714381704
1.188084239 2.600342742
1.107871376 2.03261358
1.237658514 2.286196837
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
