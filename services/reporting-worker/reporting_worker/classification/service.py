from otklik_shared.vocab import PAIN_CATEGORY_LABELS
from reporting_worker.classification.classifier import Classifier
from reporting_worker.classification.schemas import (
    CategoryScore,
    ClassifyRequest,
    ClassifyResponse,
    CommentClassification,
)


def classify_texts(classifier: Classifier, request: ClassifyRequest) -> ClassifyResponse:
    results = []
    for comment in request.texts:
        found = classifier.classify(comment.text, rating=comment.rating)
        categories = [
            CategoryScore(category=category, label=PAIN_CATEGORY_LABELS[category], score=score)
            for category, score in found.categories
        ]
        results.append(
            CommentClassification(id=comment.id, categories=categories, sentiment=found.sentiment)
        )
    return ClassifyResponse(results=results)
