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
1 0.43025
2 0.50575
3 0.50575
4 0.5195
5 0.5465
6 0.5885
7 0.6035
8 0.6035
9 0.64375
10 0.64975
11 0.64975
12 0.64975
13 0.64975
14 0.64975
15 0.64975
16 0.64975
17 0.64975
18 0.64975
19 0.64975
20 0.64975
21 0.64975
22 0.64975
23 0.64975
24 0.64975
25 0.64975
26 0.64975
27 0.64975
28 0.64975
29 0.65875
30 0.65875
EOD
$joule_p1_s2 << EOD
1 0.3155
2 0.498
3 0.498
4 0.5825
5 0.70075
6 0.7205
7 0.7205
8 0.73575
9 0.74675
10 0.757
11 0.757
12 0.757
13 0.757
14 0.757
15 0.757
16 0.757
17 0.757
18 0.757
19 0.757
20 0.7605
21 0.7605
22 0.7605
23 0.7605
24 0.7605
25 0.7605
26 0.7605
27 0.7605
28 0.7605
29 0.7605
30 0.7605
EOD
$joule_p1_s3 << EOD
1 0.3155
2 0.498
3 0.49975
4 0.55275
5 0.71975
6 0.7225
7 0.73775
8 0.7415
9 0.78
10 0.78
11 0.78
12 0.78
13 0.78
14 0.78
15 0.78
16 0.78
17 0.78
18 0.7805
19 0.7805
20 0.7805
21 0.7805
22 0.7865
23 0.8
24 0.8
25 0.8
26 0.8
27 0.807
28 0.81675
29 0.81775
30 0.818
EOD
$joule_p1_s4 << EOD
1 0.3155
2 0.498
3 0.5395
4 0.5395
5 0.54175
6 0.543
7 0.57775
8 0.57775
9 0.57775
10 0.57775
11 0.57775
12 0.57775
13 0.5785
14 0.5785
15 0.5785
16 0.5785
17 0.5785
18 0.5785
19 0.5785
20 0.5785
21 0.592
22 0.592
23 0.592
24 0.592
25 0.592
26 0.592
27 0.592
28 0.59875
29 0.59875
30 0.6925
EOD
$joule_p1_s5 << EOD
1 0.3155
2 0.498
3 0.49975
4 0.55275
5 0.71975
6 0.7225
7 0.73775
8 0.7415
9 0.78
10 0.78
11 0.78
12 0.78
13 0.78
14 0.78
15 0.78
16 0.78
17 0.78
EOD
plot $joule_p1_s1 using 1:2 with steps lw 2 lc rgb '#1f77b4' title 'grid', \
     $joule_p1_s2 using 1:2 with steps lw 2 lc rgb '#ff7f0e' title 'random', \
     $joule_p1_s3 using 1:2 with steps lw 2 lc rgb '#2ca02c' title 'bayes (PI)', \
     $joule_p1_s4 using 1:2 with steps lw 2 lc rgb '#d62728' title 'bayes (EI per joule)', \
     $joule_p1_s5 using 1:2 with steps lw 2 lc rgb '#9467bd' title 'bayes (PI), budget'
unset output
