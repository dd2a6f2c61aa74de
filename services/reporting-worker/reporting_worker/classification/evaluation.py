"""Quality of the classifier on the labelled comments: per-category precision, recall, F1, micro
averages, sentiment accuracy, and throughput.

    python -m reporting_worker.classification.evaluation [--split tune|holdout|all] [--path FILE]
"""

import argparse
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from otklik_shared.events import Sentiment
from otklik_shared.vocab import PainCategory
from reporting_worker.classification.classifier import Classification, Classifier

# the repository's copy; the service image has no tests folder, so pass --path there
DEFAULT_DATASET = Path(__file__).resolve().parents[4] / "tests/data/comments_labelled.jsonl"


@dataclass(frozen=True, slots=True)
class LabelledComment:
    id: str
    text: str
    categories: frozenset[PainCategory]
    sentiment: Sentiment
    split: str


@dataclass(frozen=True, slots=True)
class CategoryQuality:
    category: PainCategory
    support: int
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class Report:
    categories: list[CategoryQuality]
    micro_precision: float
    micro_recall: float
    micro_f1: float
    sentiment_accuracy: float
    comments: int

    def quality(self, category: PainCategory) -> CategoryQuality:
        return next(q for q in self.categories if q.category is category)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def load_dataset(path: Path = DEFAULT_DATASET, split: str | None = None) -> list[LabelledComment]:
    comments = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if split is None or row["split"] == split:
            comments.append(
                LabelledComment(
                    id=row["id"],
                    text=row["text"],
                    categories=frozenset(PainCategory(c) for c in row["categories"]),
                    sentiment=row["sentiment"],
                    split=row["split"],
                )
            )
    return comments


def evaluate(comments: Sequence[LabelledComment], predictions: Sequence[Classification]) -> Report:
    counts = {c: [0, 0, 0, 0] for c in PainCategory}  # support, tp, fp, fn
    sentiment_right = 0
    for comment, predicted in zip(comments, predictions, strict=True):
        found = set(predicted.category_codes)
        for category in PainCategory:
            expected, got = category in comment.categories, category in found
            row = counts[category]
            row[0] += expected
            row[1] += expected and got
            row[2] += got and not expected
            row[3] += expected and not got
        sentiment_right += predicted.sentiment == comment.sentiment
    qualities = [CategoryQuality(c, *row) for c, row in counts.items()]
    tp = sum(q.true_positives for q in qualities)
    fp = sum(q.false_positives for q in qualities)
    fn = sum(q.false_negatives for q in qualities)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return Report(
        categories=qualities,
        micro_precision=precision,
        micro_recall=recall,
        micro_f1=_f1(precision, recall),
        sentiment_accuracy=sentiment_right / len(comments) if comments else 0.0,
        comments=len(comments),
    )


def format_report(report: Report) -> Iterable[str]:
    yield f"{'category':<16} {'support':>7} {'precision':>9} {'recall':>7} {'f1':>6}"
    for q in report.categories:
        yield (
            f"{q.category.value:<16} {q.support:>7} {q.precision:>9.2f} {q.recall:>7.2f} "
            f"{q.f1:>6.2f}"
        )
    yield (
        f"{'micro':<16} {report.comments:>7} {report.micro_precision:>9.2f} "
        f"{report.micro_recall:>7.2f} {report.micro_f1:>6.2f}"
    )
    yield f"sentiment accuracy {report.sentiment_accuracy:.2f}"


def measure_throughput(classifier: Classifier, texts: Sequence[str], seconds: float) -> float:
    """Texts per second over repeated passes (the lemma cache warm, as in a running worker)."""
    done = 0
    started = time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds or done == 0:
        for text in texts:
            classifier.classify(text)
        done += len(texts)
    return done / elapsed


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=["tune", "holdout", "all"], default="holdout")
    parser.add_argument("--path", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--seconds", type=float, default=2.0, help="throughput measuring time")
    args = parser.parse_args(argv)
    comments = load_dataset(args.path, None if args.split == "all" else args.split)
    classifier = Classifier.build()
    report = evaluate(comments, [classifier.classify(c.text) for c in comments])
    print(f"split {args.split}: {len(comments)} comments")
    for line in format_report(report):
        print(line)
    rate = measure_throughput(classifier, [c.text for c in comments], args.seconds)
    print(f"throughput {rate:,.0f} texts/s (one process, warm cache)")


if __name__ == "__main__":
    main()
