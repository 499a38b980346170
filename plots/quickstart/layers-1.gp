# joule figure: `gnuplot layers-1.gp` in this folder writes layers-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'layers-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced outside right top box opaque title 'layer kind'
set offsets 0, 0, graph 0.05, 0
set title 'energy per layer'
set xlabel 'layer'
set ylabel 'energy (J, estimated)'
set style fill solid 0.85 border lc rgb '#333333'
set boxwidth 0.8
set yrange [0:*]
set xtics ('conv2d(3, 3, pad:…' 0, 'batchnorm()' 1, 'relu()' 2, 'maxpool(2)' 3, 'conv2d(9, 3, pad:…' 4, 'batchnorm()' 5, 'relu()' 6, 'maxpool(2)' 7, 'flatten()' 8, 'linear(392)' 9, 'linear(196)' 10, 'linear(10)' 11, 'other (loss, opti…' 12) rotate by -35 noenhanced
set xrange [-0.6:12.6]
$joule_p1_s1 << EOD
0 0.02945820403
4 0.03548655359
EOD
$joule_p1_s2 << EOD
1 0.02573654305
5 0.0154073287
EOD
$joule_p1_s3 << EOD
2 6.153752399e-06
6 4.75627067e-06
EOD
$joule_p1_s4 << EOD
3 6.935053424e-06
7 4.90528169e-06
EOD
$joule_p1_s5 << EOD
8 8.086868336e-06
EOD
$joule_p1_s6 << EOD
9 0.0436984019
10 0.01929969187
11 0.0006302884239
EOD
$joule_p1_s7 << EOD
12 0.005774702598
EOD
plot $joule_p1_s1 using 1:2 with boxes lc rgb '#1f77b4' title 'conv', \
     $joule_p1_s2 using 1:2 with boxes lc rgb '#ff7f0e' title 'norm', \
     $joule_p1_s3 using 1:2 with boxes lc rgb '#2ca02c' title 'relu', \
     $joule_p1_s4 using 1:2 with boxes lc rgb '#d62728' title 'pool', \
     $joule_p1_s5 using 1:2 with boxes lc rgb '#9467bd' title 'flatten', \
     $joule_p1_s6 using 1:2 with boxes lc rgb '#8c564b' title 'linear', \
     $joule_p1_s7 using 1:2 with boxes lc rgb '#e377c2' title 'other'
unset output
