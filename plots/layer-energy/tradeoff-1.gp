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
2.02528229 0.8145
2.447506428 0.733
2.754436385 0.663
2.275710768 0.798
2.17027337 0.7255
2.331726034 0.756
2.265783968 0.721
2.170047882 0.776
2.47846248 0.804
2.919529546 0.728
2.807685214 0.829
2.817739185 0.7385
2.938760797 0.7385
2.432585863 0.8185
3.047842387 0.6665
2.72614665 0.7845
2.714381704 0.778
2.610119531 0.762
2.600342742 0.658
2.323905477 0.7905
2.03261358 0.759
2.476688095 0.7675
2.580884942 0.6865
2.286196837 0.7735
EOD
$joule_p1_s2 << EOD
1.416226325 0.793
1.757329777 0.7025
2.074188472 0.7985
1.575611996 0.7335
1.64016686 0.719
1.57845723 0.8445
1.481125429 0.8265
1.449802869 0.812
1.636436315 0.7975
1.456004463 0.781
1.591139755 0.804
1.607274191 0.815
1.777850752 0.8265
2.046637404 0.806
2.21425081 0.713
1.630443733 0.7345
2.021456498 0.805
2.12807978 0.802
1.807061378 0.7075
1.910091726 0.815
1.873619942 0.7965
1.5884528 0.769
1.725771487 0.7155
1.579214365 0.819
EOD
$joule_p1_pareto << EOD
1.416226325 0.793
1.449802869 0.812
1.481125429 0.8265
1.57845723 0.8445
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title '4 conv', \
     $joule_p1_s2 using 1:2 with points pt 7 ps 1.2 lc rgb '#ff7f0e' title '1 conv', \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
