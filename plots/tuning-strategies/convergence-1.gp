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
3 0.424
4 0.5365
5 0.5365
6 0.5365
7 0.5365
8 0.5365
9 0.546
10 0.546
11 0.619
12 0.619
13 0.62925
14 0.64775
15 0.654
16 0.654
17 0.6655
18 0.66575
19 0.67725
20 0.67725
21 0.67725
22 0.67725
23 0.6785
24 0.6785
25 0.6785
26 0.7285
27 0.7285
28 0.7285
29 0.7285
30 0.72875
EOD
$joule_p1_s4 << EOD
1 0.24175
2 0.4215
3 0.43175
4 0.55
5 0.55
6 0.55
7 0.556
8 0.561
9 0.561
10 0.56175
11 0.57275
12 0.57275
13 0.57275
14 0.57275
15 0.57275
16 0.57275
17 0.57275
18 0.57275
19 0.57275
20 0.58075
21 0.58075
22 0.58075
23 0.58075
24 0.58075
25 0.58075
26 0.59125
27 0.59125
28 0.59125
29 0.59125
30 0.59125
EOD
$joule_p1_s5 << EOD
1 0.24175
2 0.4215
3 0.424
4 0.5365
5 0.5365
6 0.5365
7 0.5365
8 0.5365
9 0.546
10 0.546
11 0.619
12 0.619
13 0.62925
14 0.64775
15 0.654
16 0.654
EOD
plot $joule_p1_s1 using 1:2 with steps lw 2 lc rgb '#1f77b4' title 'grid', \
     $joule_p1_s2 using 1:2 with steps lw 2 lc rgb '#ff7f0e' title 'random', \
     $joule_p1_s3 using 1:2 with steps lw 2 lc rgb '#2ca02c' title 'bayes (PI)', \
     $joule_p1_s4 using 1:2 with steps lw 2 lc rgb '#d62728' title 'bayes (EI per joule)', \
     $joule_p1_s5 using 1:2 with steps lw 2 lc rgb '#9467bd' title 'bayes (PI), budget'
unset output
