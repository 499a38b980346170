# joule figure: `gnuplot epochs-1.gp` in this folder writes epochs-1.png; `joule export` renders other formats.
reset
set encoding utf8
set terminal pngcairo size 800,560 noenhanced font 'Sans,10'  # joule:terminal
set output 'epochs-1.png'  # joule:output
set grid lc rgb '#dddddd'
set key noenhanced top left box opaque title 'run'
set offsets graph 0.04, graph 0.04, graph 0.06, graph 0.06
set title 'Test accuracy after each epoch against joules so far'
set xlabel 'joules (the program’s share, estimated)'
set ylabel 'test accuracy'
$joule_p1_s1 << EOD
6.483673876 0.718
11.05143149 0.752
15.71826186 0.776
20.33165078 0.781
24.51256946 0.778
28.7452105 0.797
EOD
$joule_p1_s2 << EOD
5.987818991 0.618
10.17782598 0.673
14.5805076 0.703
19.18107081 0.709
23.90660391 0.721
28.40352433 0.722
EOD
$joule_p1_s3 << EOD
6.078158957 0.733
10.03772515 0.693
14.02857353 0.766
18.18950039 0.756
22.46668595 0.641
26.52118089 0.73
EOD
plot $joule_p1_s1 using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'best lr', \
     $joule_p1_s2 using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'lr / 10', \
     $joule_p1_s3 using 1:2 with lines lw 2 lc rgb '#2ca02c' title 'lr x 10'
unset output
