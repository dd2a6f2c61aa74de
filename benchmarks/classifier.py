"""The comment classifier: texts per second and quality per category on its held-out set."""

from benchmarks.results import Row
from reporting_worker.classification.classifier import Classifier
from reporting_worker.classification.evaluation import evaluate, load_dataset, measure_throughput


def run(seconds: float = 3.0) -> list[Row]:
    print("classifier: held-out quality and throughput", flush=True)
    holdout = load_dataset(split="holdout")
    classifier = Classifier.build()
    report = evaluate(holdout, [classifier.classify(c.text) for c in holdout])
    texts_per_second = measure_throughput(classifier, [c.text for c in holdout], seconds)
    rows = [
        Row(
            "Classifier throughput (one process, warm lemma cache)",
            f"{texts_per_second:,.0f} texts/s",
        ),
        Row(
            f"Classifier on the held-out set ({report.comments} comments): "
            "micro precision / recall",
            f"{report.micro_precision:.2f} / {report.micro_recall:.2f} "
            f"(sentiment accuracy {report.sentiment_accuracy:.2f})",
        ),
    ]
    for quality in report.categories:
        rows.append(
            Row(
                f"… {quality.category.value} (support {quality.support}): precision / recall",
                f"{quality.precision:.2f} / {quality.recall:.2f}",
            )
        )
    return rows
