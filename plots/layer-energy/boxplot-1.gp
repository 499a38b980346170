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
-0.28 1.980582708
-0.1502128624 1.43908129
-0.2304257247 1.43967446
-0.1006385871 1.364271291
-0.1808514495 1.915529843
-0.2610643118 1.423102795
-0.1312771742 1.371684437
-0.2114900365 1.679083332
-0.0817028989 1.419192268
-0.1619157613 1.562198023
-0.2421286236 1.497346074
-0.112341486 1.394844848
EOD
$joule_p1_s1_b2 << EOD
0.72 2.139089033
0.8497871376 2.122725616
0.7695742753 2.007639578
0.8993614129 2.259395929
0.8191485505 2.164867838
0.7389356882 2.141477588
0.8687228258 2.42144824
0.7885099635 2.116712161
0.9182971011 2.14433168
0.8380842387 2.393144096
0.7578713764 2.159859581
0.887658514 2.310630453
EOD
$joule_p1_s2_b1 << EOD
0.07 1.92951953
0.1997871376 1.540141524
0.1195742753 1.36624561
0.2493614129 1.303258212
0.1691485505 1.615197038
0.08893568819 1.293722594
0.2187228258 1.32852325
0.1385099635 1.584240404
0.2682971011 1.355633904
0.1880842387 1.349599744
0.1078713764 1.379339203
0.237658514 1.445362119
EOD
$joule_p1_s2_b2 << EOD
1.07 2.358961296
1.199787138 2.150630583
1.119574275 2.657653143
1.249361413 1.983308346
1.169148551 1.975980027
1.088935688 2.325294224
1.218722826 2.127401811
1.138509963 2.181860456
1.268297101 2.401653398
1.188084239 2.201239673
1.107871376 2.180119654
1.237658514 2.297149688
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
