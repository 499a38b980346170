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
1 0.46725
2 0.51775
3 0.51775
4 0.51775
5 0.60175
6 0.60925
7 0.60925
8 0.60925
9 0.643
10 0.658
11 0.658
12 0.658
13 0.658
14 0.658
15 0.658
16 0.658
17 0.658
18 0.658
19 0.658
20 0.658
21 0.658
22 0.658
23 0.658
24 0.661
25 0.661
26 0.661
27 0.661
28 0.661
29 0.661
30 0.661
EOD
$joule_p1_s2 << EOD
1 0.24175
2 0.4215
3 0.43025
4 0.587
5 0.71475
6 0.723
7 0.723
8 0.7395
9 0.75425
10 0.7595
11 0.7595
12 0.7595
13 0.7595
14 0.7595
15 0.7595
16 0.7595
17 0.7595
18 0.7595
19 0.7595
20 0.76825
21 0.76825
22 0.76825
23 0.76825
24 0.76825
25 0.76825
26 0.76825
27 0.76825
28 0.76825
29 0.76825
30 0.76825
EOD
$joule_p1_s3 << EOD
1 0.4105
2 0.6245
3 0.64275
4 0.674
5 0.68725
6 0.68825
7 0.68925
8 0.69525
9 0.704
10 0.722
11 0.7225
12 0.73875
13 0.73875
14 0.73875
15 0.73875
16 0.73875
17 0.73875
18 0.7605
19 0.77775
20 0.80375
21 0.81075
22 0.811
23 0.811
24 0.811
25 0.811
26 0.81125
27 0.81125
28 0.81125
29 0.81125
30 0.81475
EOD
$joule_p1_s4 << EOD
1 0.4105
2 0.6245
3 0.62625
4 0.62625
5 0.6325
6 0.63425
7 0.63425
8 0.652
9 0.676
10 0.697
11 0.697
12 0.697
13 0.701
14 0.701
15 0.701
16 0.7035
17 0.70425
18 0.70425
19 0.70425
20 0.70425
21 0.7255
22 0.73425
23 0.75025
24 0.78175
25 0.78175
26 0.7905
27 0.804
28 0.804
29 0.804
30 0.80525
EOD
$joule_p1_s5 << EOD
1 0.4105
2 0.6245
3 0.64275
4 0.674
5 0.68725
6 0.68825
7 0.68925
8 0.69525
9 0.704
10 0.722
11 0.7225
12 0.73875
13 0.73875
14 0.73875
15 0.73875
16 0.73875
17 0.73875
18 0.7605
19 0.77775
EOD
plot $joule_p1_s1 using 1:2 with steps lw 2 lc rgb '#1f77b4' title 'grid', \
     $joule_p1_s2 using 1:2 with steps lw 2 lc rgb '#ff7f0e' title 'random', \
     $joule_p1_s3 using 1:2 with steps lw 2 lc rgb '#2ca02c' title 'bayes (PI)', \
     $joule_p1_s4 using 1:2 with steps lw 2 lc rgb '#d62728' title 'bayes (EI per joule)', \
     $joule_p1_s5 using 1:2 with steps lw 2 lc rgb '#9467bd' title 'bayes (PI), budget'
unset output
