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
-0.28 3.664130427
-0.1502128624 4.270693598
-0.2304257247 3.854072374
-0.1006385871 3.888223773
-0.1808514495 3.507554752
-0.2610643118 3.342064922
-0.1312771742 3.420848835
-0.2114900365 4.13969978
-0.0817028989 4.11647228
-0.1619157613 4.365926548
-0.2421286236 3.625336106
-0.112341486 4.570389977
EOD
$joule_p1_s1_b2 << EOD
0.72 5.531881354
0.8497871376 5.148784263
0.7695742753 4.748104311
0.8993614129 4.846701558
0.8191485505 4.934398505
0.7389356882 4.77013498
0.8687228258 5.260029694
0.7885099635 5.927237515
0.9182971011 5.321666316
0.8380842387 4.855112578
0.7578713764 4.820017799
0.887658514 5.070907332
EOD
$joule_p1_s2_b1 << EOD
0.07 3.465901108
0.1997871376 3.502731341
0.1195742753 3.448848338
0.2493614129 4.37167187
0.1691485505 4.050481063
0.08893568819 3.150295986
0.2187228258 3.318472019
0.1385099635 3.480160679
0.2682971011 3.55918668
0.1880842387 3.447603899
0.1078713764 3.665600873
0.237658514 3.388934294
EOD
$joule_p1_s2_b2 << EOD
1.07 4.802669891
1.199787138 4.88038991
1.119574275 5.396777628
1.249361413 4.654033685
1.169148551 6.511310798
1.088935688 4.682301236
1.218722826 5.00954043
1.138509963 5.007643687
1.268297101 5.442937002
1.188084239 4.854191288
1.107871376 4.78628031
1.237658514 5.26073731
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
