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
-0.28 34.13914532
-0.1502128624 38.82705114
-0.2304257247 52.52245529
-0.1006385871 47.30007869
-0.1808514495 46.18215384
-0.2610643118 28.00631124
-0.1312771742 21.33049318
-0.2114900365 16.96786266
-0.0817028989 19.29897362
-0.1619157613 24.79663947
-0.2421286236 22.45206177
-0.112341486 19.04076125
EOD
$joule_p1_s1_b2 << EOD
0.72 52.85663864
0.8497871376 39.73751636
0.7695742753 51.61078858
0.8993614129 65.71183616
0.8191485505 30.374874
0.7389356882 28.2543755
0.8687228258 31.32613164
0.7885099635 57.17274656
0.9182971011 79.01477623
0.8380842387 32.09000882
0.7578713764 27.55953583
0.887658514 29.85239713
EOD
$joule_p1_s2_b1 << EOD
0.07 31.40332221
0.1997871376 38.92739481
0.1195742753 37.47934127
0.2493614129 37.08924835
0.1691485505 51.2118571
0.08893568819 46.97202572
0.2187228258 33.11282981
0.1385099635 27.96337008
0.2682971011 44.00028105
0.1880842387 20.49256515
0.1078713764 26.75919454
0.237658514 17.92567491
EOD
$joule_p1_s2_b2 << EOD
1.07 48.56394203
1.199787138 87.32751539
1.119574275 60.32130125
1.249361413 30.14030932
1.169148551 29.87743888
1.088935688 29.95155661
1.218722826 29.82015145
1.138509963 26.21018625
1.268297101 88.68471598
1.188084239 32.01697284
1.107871376 29.95756138
1.237658514 32.51202975
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
