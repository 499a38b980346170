# joule figure: `gnuplot tradeoff-1.gp` in this folder writes tradeoff-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'tradeoff-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title 'model'
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'SimpleCNN on 4000 Fashion-MNIST images, 2 epochs'
set xlabel 'energy (J, estimated)'
set ylabel 'accuracy'
$joule_p1_s1 << EOD
1.127047363 0.779
EOD
$joule_p1_s2 << EOD
1.031411293 0.814
EOD
$joule_p1_s3 << EOD
0.9033863609 0.745
EOD
$joule_p1_pareto << EOD
0.9033863609 0.745
1.031411293 0.814
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'conv 1', \
     $joule_p1_s2 using 1:2 with points pt 7 ps 1.2 lc rgb '#ff7f0e' title 'conv 2', \
     $joule_p1_s3 using 1:2 with points pt 7 ps 1.2 lc rgb '#2ca02c' title 'conv 3', \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
