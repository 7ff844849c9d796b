// Per-query BM25 latency of Lucene (as bundled in Anserini's fat jar) on an Anserini index, for
// benches/peers/anserini_peer.py. No JVM start-up in the figures.
//
//   javac -cp ANSERINI_FATJAR -d OUT benches/peers/LuceneSearch.java
//   java -cp ANSERINI_FATJAR:OUT LuceneSearch INDEX QUERIES.tsv THREADS WARMUP RUNS HITS RUN_OUT TAG WARMUP_S MIN_RUN_S [terms]
//
// With `terms` (the "same work" check), each query line is `qid<TAB>field:term^k ...`, the
// terms patdex's own query searched (benches/compare_tantivy.rs --terms-prefix), and becomes a
// BooleanQuery of SHOULD TermQuery on those fields, boosted by k when k > 1; no analysis.
//
// Queries: `qid<TAB>text`. Each is analysed with the analyzer IndexCollection used
// (DefaultEnglishAnalyzer, -stemmer none -keepStopwords: StandardTokenizer, possessive filter,
// lowercase), and becomes a BooleanQuery of SHOULD TermQuery on `contents`, one per distinct
// term; BM25Similarity(1.2, 0.75); IndexSearcher.search(query, HITS) (Lucene's default top-k
// collection, with its dynamic pruning), then the stored `id` of each hit. Analysis, search and
// id look-up are timed per query. THREADS workers take queries from a shared counter, one
// IndexSearcher (no intra-query threads). Untimed warm-up passes over the batch (at least WARMUP,
// and until WARMUP_S seconds have passed: the JIT compiles the hot paths), then RUNS timed runs,
// each repeating the batch until MIN_RUN_S seconds have passed. Prints one line:
//   JSON {"queries":Q,"threads":T,"runs":R,"warmup_passes":W,"timed_passes":P,"qps_runs":[...],
//         "qps":median,"p50_ms":..,"p99_ms":..,"mean_ms":..,"max_ms":..,"docs":N,"lucene":"9.x"}
// qps per run = queries done / wall; latencies pooled over all timed passes (p99 nearest rank);
// writes the top HITS of the last pass as a TREC run file.
import io.anserini.analysis.DefaultEnglishAnalyzer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.*;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

public class LuceneSearch {
  static Query parse(Analyzer a, String text) throws Exception {
    LinkedHashSet<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = a.tokenStream("contents", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) terms.add(t.toString());
      ts.end();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String s : terms) b.add(new TermQuery(new Term("contents", s)), BooleanClause.Occur.SHOULD);
    return b.build();
  }

  static Query terms(String line) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String c : line.trim().split(" ")) {
      if (c.isEmpty()) continue;
      int colon = c.indexOf(':'), hat = c.lastIndexOf('^');
      Query q = new TermQuery(new Term(c.substring(0, colon), c.substring(colon + 1, hat)));
      float k = Float.parseFloat(c.substring(hat + 1));
      b.add(k == 1f ? q : new BoostQuery(q, k), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  public static void main(String[] args) throws Exception {
    String index = args[0], queries = args[1], runOut = args[6], tag = args[7];
    int threads = Integer.parseInt(args[2]), warmup = Integer.parseInt(args[3]);
    double warmupS = Double.parseDouble(args[8]), minRunS = Double.parseDouble(args[9]);
    int runs = Integer.parseInt(args[4]), hits = Integer.parseInt(args[5]);
    boolean termsMode = args.length > 10 && args[10].equals("terms");
    IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 65536));
    List<String[]> qs = new ArrayList<>();
    for (String line : Files.readAllLines(Paths.get(queries), StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      qs.add(line.split("\t", 2));
    }
    int n = qs.size();
    Analyzer analyzer = DefaultEnglishAnalyzer.fromArguments("none", true, null);
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Paths.get(index)));
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity(1.2f, 0.75f));

    String[][] ids = new String[n][];
    float[][] scores = new float[n][];
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    // One pass over the batch on the pool; per-query milliseconds into lat (by query index).
    class Pass {
      void run(double[] lat) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
          fs.add(pool.submit(() -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
              long s = System.nanoTime();
              String text = qs.get(i).length > 1 ? qs.get(i)[1] : "";
              Query query = termsMode ? terms(text) : parse(analyzer, text);
              TopDocs td = searcher.search(query, hits);
              StoredFields sf = searcher.storedFields();
              String[] id = new String[td.scoreDocs.length];
              float[] sc = new float[td.scoreDocs.length];
              for (int k = 0; k < id.length; k++) {
                id[k] = sf.document(td.scoreDocs[k].doc, Set.of("id")).get("id");
                sc[k] = td.scoreDocs[k].score;
              }
              lat[i] = (System.nanoTime() - s) / 1e6;
              ids[i] = id;
              scores[i] = sc;
            }
            return null;
          }));
        }
        for (Future<?> f : fs) f.get();
      }
    }
    Pass pass = new Pass();
    // Warm-up: at least WARMUP passes and at least WARMUP_S seconds (the JIT needs both).
    long w0 = System.nanoTime();
    int warmPasses = 0;
    while (warmPasses < warmup || (System.nanoTime() - w0) / 1e9 < warmupS) {
      pass.run(new double[n]);
      warmPasses++;
    }
    // Timed runs: each repeats the batch until MIN_RUN_S seconds have passed.
    double[] qps = new double[runs];
    List<double[]> lats = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      long done = 0;
      do {
        double[] lat = new double[n];
        pass.run(lat);
        lats.add(lat);
        done += n;
      } while ((System.nanoTime() - t0) / 1e9 < minRunS);
      qps[r] = done / ((System.nanoTime() - t0) / 1e9);
    }
    pool.shutdown();
    double[] lat = new double[lats.size() * n];
    for (int j = 0; j < lats.size(); j++) System.arraycopy(lats.get(j), 0, lat, j * n, n);
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Paths.get(runOut), StandardCharsets.UTF_8))) {
      for (int i = 0; i < n; i++)
        for (int k = 0; k < ids[i].length; k++)
          out.printf(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", qs.get(i)[0], ids[i][k], k + 1, scores[i][k], tag);
    }
    double[] l = lat.clone();
    Arrays.sort(l);
    double[] q = qps.clone();
    Arrays.sort(q);
    double median = runs % 2 == 1 ? q[runs / 2] : (q[runs / 2 - 1] + q[runs / 2]) / 2;
    double mean = 0;
    for (double x : l) mean += x;
    mean /= l.length;
    StringBuilder qr = new StringBuilder();
    for (int r = 0; r < runs; r++) qr.append(r > 0 ? "," : "").append(String.format(Locale.ROOT, "%.2f", qps[r]));
    System.out.printf(Locale.ROOT,
        "JSON {\"queries\":%d,\"threads\":%d,\"runs\":%d,\"warmup_passes\":%d,\"timed_passes\":%d,\"qps_runs\":[%s],\"qps\":%.2f,"
            + "\"p50_ms\":%.4f,\"p99_ms\":%.4f,\"mean_ms\":%.4f,\"max_ms\":%.4f,\"docs\":%d,\"lucene\":\"%s\"}%n",
        n, threads, runs, warmPasses, lats.size(), qr, median, rank(l, 0.50), rank(l, 0.99), mean, l[l.length - 1],
        reader.numDocs(), org.apache.lucene.util.Version.LATEST);
    reader.close();
  }

  // nearest rank
  static double rank(double[] sorted, double p) {
    int k = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
  }
}
