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
2.358961296 0.8145
2.150630583 0.733
2.657653143 0.663
2.139089033 0.798
2.122725616 0.7255
2.007639578 0.756
2.259395929 0.721
1.983308346 0.776
1.975980027 0.804
2.325294224 0.728
2.164867838 0.829
2.127401811 0.7385
2.181860456 0.7385
2.141477588 0.8185
2.42144824 0.6665
2.116712161 0.7845
2.401653398 0.778
2.14433168 0.762
2.201239673 0.658
2.393144096 0.7905
2.180119654 0.759
2.159859581 0.7675
2.310630453 0.6865
2.297149688 0.7735
EOD
$joule_p1_s2 << EOD
1.92951953 0.793
1.540141524 0.7025
1.36624561 0.7985
1.980582708 0.7335
1.43908129 0.719
1.43967446 0.8445
1.303258212 0.8265
1.364271291 0.812
1.615197038 0.7975
1.293722594 0.781
1.915529843 0.804
1.423102795 0.815
1.32852325 0.8265
1.371684437 0.806
1.679083332 0.713
1.584240404 0.7345
1.419192268 0.805
1.562198023 0.802
1.355633904 0.7075
1.349599744 0.815
1.379339203 0.7965
1.497346074 0.769
1.445362119 0.7155
1.394844848 0.819
EOD
$joule_p1_pareto << EOD
1.293722594 0.781
1.303258212 0.8265
1.43967446 0.8445
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title '4 conv', \
     $joule_p1_s2 using 1:2 with points pt 7 ps 1.2 lc rgb '#ff7f0e' title '1 conv', \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
