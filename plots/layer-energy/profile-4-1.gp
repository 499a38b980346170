# joule figure: `gnuplot profile-4-1.gp` in this folder writes profile-4-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'profile-4-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced outside right top box opaque title 'layer kind'
set offsets 0, 0, graph 0.05, 0
set title 'energy per layer'
set xlabel 'layer'
set ylabel 'energy (J, estimated)'
set style fill solid 0.85 border lc rgb '#333333'
set boxwidth 0.8
set yrange [0:*]
set xtics ('conv2d(3, 3, pad:…' 0, 'batchnorm()' 1, 'relu()' 2, 'maxpool(2)' 3, 'conv2d(9, 3, pad:…' 4, 'batchnorm()' 5, 'relu()' 6, 'maxpool(2)' 7, 'conv2d(27, 3, pad…' 8, 'batchnorm()' 9, 'relu()' 10, 'maxpool(2)' 11, 'conv2d(81, 3, pad…' 12, 'batchnorm()' 13, 'relu()' 14, 'maxpool(2)' 15, 'flatten()' 16, 'linear(392)' 17, 'linear(196)' 18, 'linear(10)' 19, 'other (loss, opti…' 20) rotate by -35 noenhanced
set xrange [-0.6:20.6]
$joule_p1_s1 << EOD
0 0.0468952063
4 0.06221080749
8 0.06277489141
12 0.07933534433
EOD
$joule_p1_s2 << EOD
1 0.04036138866
5 0.02528448271
9 0.01788100713
13 0.005108528594
EOD
$joule_p1_s3 << EOD
2 1.736148009e-05
6 1.383432582e-05
10 9.615648409e-06
14 1.09677886e-05
EOD
$joule_p1_s4 << EOD
3 1.187758579e-05
7 1.086927553e-05
11 1.159556798e-05
15 7.832754982e-06
EOD
$joule_p1_s5 << EOD
16 1.347504285e-05
EOD
$joule_p1_s6 << EOD
17 0.01521596198
18 0.03404639946
19 0.00149997934
EOD
$joule_p1_s7 << EOD
20 0.01177847585
EOD
plot $joule_p1_s1 using 1:2 with boxes lc rgb '#1f77b4' title 'conv', \
     $joule_p1_s2 using 1:2 with boxes lc rgb '#ff7f0e' title 'norm', \
     $joule_p1_s3 using 1:2 with boxes lc rgb '#2ca02c' title 'relu', \
     $joule_p1_s4 using 1:2 with boxes lc rgb '#d62728' title 'pool', \
     $joule_p1_s5 using 1:2 with boxes lc rgb '#9467bd' title 'flatten', \
     $joule_p1_s6 using 1:2 with boxes lc rgb '#8c564b' title 'linear', \
     $joule_p1_s7 using 1:2 with boxes lc rgb '#e377c2' title 'other'
unset output
