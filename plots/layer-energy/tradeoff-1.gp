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
4.802669891 0.8275
4.88038991 0.736
5.396777628 0.661
5.531881354 0.795
5.148784263 0.724
4.748104311 0.7565
4.846701558 0.7115
4.654033685 0.7765
6.511310798 0.8045
4.682301236 0.7275
4.934398505 0.8175
5.00954043 0.7385
5.007643687 0.743
4.77013498 0.8155
5.260029694 0.667
5.927237515 0.7855
5.442937002 0.768
5.321666316 0.762
4.854191288 0.658
4.855112578 0.789
4.78628031 0.7585
4.820017799 0.768
5.070907332 0.6865
5.26073731 0.7695
EOD
$joule_p1_s2 << EOD
3.465901108 0.7925
3.502731341 0.7025
3.448848338 0.7985
3.664130427 0.7335
4.270693598 0.7185
3.854072374 0.8455
4.37167187 0.8265
3.888223773 0.812
4.050481063 0.7975
3.150295986 0.7825
3.507554752 0.8045
3.342064922 0.8145
3.318472019 0.8285
3.420848835 0.8055
4.13969978 0.713
3.480160679 0.7345
4.11647228 0.8045
4.365926548 0.8015
3.55918668 0.707
3.447603899 0.815
3.665600873 0.796
3.625336106 0.7695
3.388934294 0.7155
4.570389977 0.8175
EOD
$joule_p1_pareto << EOD
3.150295986 0.7825
3.318472019 0.8285
3.854072374 0.8455
EOD
plot $joule_p1_s1 using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title '4 conv', \
     $joule_p1_s2 using 1:2 with points pt 7 ps 1.2 lc rgb '#ff7f0e' title '1 conv', \
     $joule_p1_pareto using 1:2 with linespoints dt 2 lw 2 pt 6 ps 2 lc rgb '#000000' title 'Pareto front'
unset output
