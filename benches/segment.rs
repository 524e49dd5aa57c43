//! Criterion benchmark of `Segmenter::split` on invented news-like text
//! (no external data needed): `cargo bench --bench segment`.
//! For figures on real text use `cargo run --release --example segment_bench`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use corroborate::rules::RuleSet;
use corroborate::segment::Segmenter;

const SAMPLE: &str = "Acme Corp. said on Tuesday it would cut 1,200 jobs, or about 4.5 percent of its staff. \
\"We are not done yet,\" Chief Executive Jane Roe told reporters in Fresno, Calif. \"Why now?\" she asked. \
The U.S. unit of the firm, based in St. Louis, reported a loss of $3.2 million in the quarter ended Sept. 30. \
Rep. Tom Ashby (R-Ark.) called the move \"disappointing\" ... Shares fell 2% to $41.10 at 4 p.m. \
Analysts at Widget & Co. had expected a smaller loss. See https://example.com/report.html for details.\n\n\
Dr. Mary Vell, a professor at the university, said the cuts were \"no surprise.\" Others disagreed!\n";

fn bench(c: &mut Criterion) {
    let seg = Segmenter::new(&RuleSet::defaults());
    let text = SAMPLE.repeat((1 << 20) / SAMPLE.len() + 1);
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("split_1mb_news", |b| b.iter(|| seg.split(black_box(&text)).len()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
