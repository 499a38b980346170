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
1 0.4475
2 0.4475
3 0.4475
4 0.467
5 0.5815
6 0.59275
7 0.59275
8 0.59525
9 0.624
10 0.62975
11 0.64075
12 0.64075
13 0.64075
14 0.64075
15 0.64075
16 0.64075
17 0.64075
18 0.64375
19 0.64375
20 0.677
21 0.677
22 0.677
23 0.677
24 0.677
25 0.677
26 0.677
27 0.677
28 0.677
29 0.677
30 0.677
EOD
$joule_p1_s2 << EOD
1 0.3415
2 0.507
3 0.507
4 0.56525
5 0.6785
6 0.699
7 0.699
8 0.72325
9 0.72325
10 0.73475
11 0.73475
12 0.73475
13 0.73475
14 0.73475
15 0.73475
16 0.73475
17 0.73475
18 0.73475
19 0.73475
20 0.73475
21 0.73475
22 0.73475
23 0.73475
24 0.73475
25 0.73475
26 0.73475
27 0.73475
28 0.73475
29 0.73475
30 0.73475
EOD
$joule_p1_s3 << EOD
1 0.3415
2 0.507
3 0.52025
4 0.56125
5 0.6715
6 0.6715
7 0.6715
8 0.686
9 0.69775
10 0.70325
11 0.715
12 0.72225
13 0.72425
14 0.72425
15 0.72425
16 0.72475
17 0.72475
18 0.72475
19 0.72475
20 0.72475
21 0.72475
22 0.72475
23 0.72475
24 0.726
25 0.726
26 0.73375
27 0.73375
28 0.73375
29 0.73375
30 0.73375
EOD
$joule_p1_s4 << EOD
1 0.3415
2 0.507
3 0.5415
4 0.5415
5 0.548
6 0.548
7 0.548
8 0.56875
9 0.56875
10 0.56875
11 0.56875
12 0.56875
13 0.56875
14 0.56875
15 0.56875
16 0.56875
17 0.56875
18 0.56875
19 0.56875
20 0.5805
21 0.5805
22 0.5805
23 0.5805
24 0.623
25 0.62325
26 0.62325
27 0.62325
28 0.641
29 0.6415
30 0.642
EOD
$joule_p1_s5 << EOD
1 0.3415
2 0.507
3 0.52025
4 0.56125
5 0.6715
6 0.6715
7 0.6715
8 0.686
9 0.69775
10 0.70325
11 0.715
12 0.716
13 0.718
14 0.718
15 0.718
EOD
plot $joule_p1_s1 using 1:2 with steps lw 2 lc rgb '#1f77b4' title 'grid', \
     $joule_p1_s2 using 1:2 with steps lw 2 lc rgb '#ff7f0e' title 'random', \
     $joule_p1_s3 using 1:2 with steps lw 2 lc rgb '#2ca02c' title 'bayes (PI)', \
     $joule_p1_s4 using 1:2 with steps lw 2 lc rgb '#d62728' title 'bayes (EI per joule)', \
     $joule_p1_s5 using 1:2 with steps lw 2 lc rgb '#9467bd' title 'bayes (PI), budget'
unset output
