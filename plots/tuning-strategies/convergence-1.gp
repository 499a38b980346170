# joule figure: `gnuplot convergence-1.gp` in this folder writes convergence-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'convergence-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title 'strategy'
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'Best accuracy so far by round (mean over seeds)'
set xlabel 'round'
set ylabel 'best test accuracy'
$joule_p1_s1 << EOD
1 0.46225
2 0.52375
3 0.52375
4 0.5335
5 0.554
6 0.57025
7 0.60075
8 0.60075
9 0.62375
10 0.64
11 0.65375
12 0.65375
13 0.65375
14 0.65375
15 0.65375
16 0.65375
17 0.65375
18 0.65375
19 0.65375
20 0.65375
21 0.65375
22 0.65375
23 0.65375
24 0.65375
25 0.65375
26 0.65375
27 0.65375
28 0.65375
29 0.6645
30 0.67825
EOD
$joule_p1_s2 << EOD
1 0.29075
2 0.467
3 0.467
4 0.57925
5 0.642
6 0.7005
7 0.7005
8 0.737
9 0.74925
10 0.7545
11 0.7545
12 0.7545
13 0.7545
14 0.7545
15 0.7545
16 0.7545
17 0.7545
18 0.7545
19 0.7545
20 0.76375
21 0.76375
22 0.76375
23 0.76375
24 0.76375
25 0.76375
26 0.76375
27 0.76375
28 0.76375
29 0.76375
30 0.76375
EOD
$joule_p1_s3 << EOD
1 0.29075
2 0.467
3 0.4965
4 0.49675
5 0.54825
6 0.58475
7 0.58725
8 0.59425
9 0.61225
10 0.61225
11 0.61225
12 0.71075
13 0.711
14 0.714
15 0.714
16 0.714
17 0.717
18 0.71775
19 0.719
20 0.723
21 0.72475
22 0.72675
23 0.728
24 0.728
25 0.728
26 0.72875
27 0.731
28 0.731
29 0.731
30 0.731
EOD
$joule_p1_s4 << EOD
1 0.29075
2 0.467
3 0.52775
4 0.565
5 0.565
6 0.57475
7 0.5775
8 0.5775
9 0.57775
10 0.57775
11 0.57775
12 0.57775
13 0.57775
14 0.57775
15 0.57775
16 0.58425
17 0.58425
18 0.58425
19 0.58425
20 0.58425
21 0.58425
22 0.68525
23 0.687
24 0.687
25 0.687
26 0.687
27 0.687
28 0.687
29 0.687
30 0.687
EOD
$joule_p1_s5 << EOD
1 0.29075
2 0.467
3 0.4965
4 0.49675
5 0.54825
6 0.58475
7 0.58725
8 0.59425
9 0.61225
10 0.61225
11 0.61225
12 0.71075
13 0.711
14 0.714
15 0.714
16 0.714
EOD
plot $joule_p1_s1 using 1:2 with steps lw 2 lc rgb '#1f77b4' title 'grid', \
     $joule_p1_s2 using 1:2 with steps lw 2 lc rgb '#ff7f0e' title 'random', \
     $joule_p1_s3 using 1:2 with steps lw 2 lc rgb '#2ca02c' title 'bayes (PI)', \
     $joule_p1_s4 using 1:2 with steps lw 2 lc rgb '#d62728' title 'bayes (EI per joule)', \
     $joule_p1_s5 using 1:2 with steps lw 2 lc rgb '#9467bd' title 'bayes (PI), budget'
unset output
