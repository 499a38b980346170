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
0 0.03715462078
4 0.04612907054
EOD
$joule_p1_s2 << EOD
1 0.03533828616
5 0.02197163651
EOD
$joule_p1_s3 << EOD
2 2.185107904e-05
6 9.04083791e-06
EOD
$joule_p1_s4 << EOD
3 1.616423238e-05
7 8.582452285e-06
EOD
$joule_p1_s5 << EOD
8 2.679918815e-05
EOD
$joule_p1_s6 << EOD
9 0.05255049449
10 0.0227140882
11 0.001341565804
EOD
$joule_p1_s7 << EOD
12 0.01591781327
EOD
plot $joule_p1_s1 using 1:2 with boxes lc rgb '#1f77b4' title 'conv', \
     $joule_p1_s2 using 1:2 with boxes lc rgb '#ff7f0e' title 'norm', \
     $joule_p1_s3 using 1:2 with boxes lc rgb '#2ca02c' title 'relu', \
     $joule_p1_s4 using 1:2 with boxes lc rgb '#d62728' title 'pool', \
     $joule_p1_s5 using 1:2 with boxes lc rgb '#9467bd' title 'flatten', \
     $joule_p1_s6 using 1:2 with boxes lc rgb '#8c564b' title 'linear', \
     $joule_p1_s7 using 1:2 with boxes lc rgb '#e377c2' title 'other'
unset output
