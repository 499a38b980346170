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
1 0.24175
2 0.4215
3 0.51775
4 0.5455
5 0.5525
6 0.59725
7 0.6
8 0.601
9 0.60125
10 0.60125
11 0.6045
12 0.6045
13 0.6045
14 0.6045
15 0.6045
16 0.608
17 0.7525
18 0.75275
19 0.75275
20 0.75275
21 0.75925
22 0.75925
23 0.76525
24 0.7715
25 0.77575
26 0.7825
27 0.7825
28 0.78275
29 0.78575
30 0.7925
EOD
$joule_p1_s4 << EOD
1 0.24175
2 0.4215
3 0.479
4 0.55525
5 0.55925
6 0.5775
7 0.5775
8 0.5775
9 0.5775
10 0.5775
11 0.5925
12 0.5925
13 0.60025
14 0.60025
15 0.60025
16 0.60025
17 0.60025
18 0.60025
19 0.60025
20 0.60025
21 0.60025
22 0.60225
23 0.60225
24 0.60625
25 0.60625
26 0.60625
27 0.60625
28 0.60625
29 0.60625
30 0.61325
EOD
$joule_p1_s5 << EOD
1 0.24175
2 0.4215
3 0.51775
4 0.5455
5 0.5525
6 0.59725
7 0.6
8 0.601
9 0.60125
10 0.60125
11 0.6045
12 0.6045
13 0.6045
14 0.6045
15 0.6045
EOD
plot $joule_p1_s1 using 1:2 with steps lw 2 lc rgb '#1f77b4' title 'grid', \
     $joule_p1_s2 using 1:2 with steps lw 2 lc rgb '#ff7f0e' title 'random', \
     $joule_p1_s3 using 1:2 with steps lw 2 lc rgb '#2ca02c' title 'bayes (PI)', \
     $joule_p1_s4 using 1:2 with steps lw 2 lc rgb '#d62728' title 'bayes (EI per joule)', \
     $joule_p1_s5 using 1:2 with steps lw 2 lc rgb '#9467bd' title 'bayes (PI), budget'
unset output
