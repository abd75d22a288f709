/**
 * Paired significance tests between retrieval runs over the same queries: paired t-test, Wilcoxon
 * signed-rank, Fisher's randomization (sign-flip) test and the paired bootstrap, with effect sizes,
 * confidence intervals of the mean difference, and Holm / Bonferroni corrections when several runs are
 * compared (Smucker, Allan and Carterette, "A comparison of statistical significance tests for
 * information retrieval evaluation", CIKM 2007; Sakai, "Statistical reform in IR", SIGIR Forum 2014).
 */
package io.augur.retrieval.engine.significance;
