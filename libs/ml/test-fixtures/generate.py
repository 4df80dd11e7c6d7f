"""Generates golden.json: scikit-learn reference answers for the libs/ml unit tests.

Run once with Debian's scikit-learn (apt-get install -y python3-sklearn):
    /usr/bin/python3 libs/ml/test-fixtures/generate.py
    npx prettier --write libs/ml/test-fixtures/golden.json   # the repo's format check covers JSON
Tests only read the JSON; they never need Python.
"""
import json
import os

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

rng = np.random.default_rng(42)


def rounded(a):
    return np.asarray(a, dtype=float).round(6).tolist()


def linear_cases():
    X = rng.normal(size=(40, 3)).round(3)
    y = (X @ np.array([1.5, -2.0, 0.5]) + 3 + rng.normal(scale=0.3, size=40)).round(3)
    yb = (X[:, 0] + 0.5 * X[:, 1] + rng.normal(scale=0.7, size=40) > 0).astype(int)
    ym = np.digitize(X[:, 0] + rng.normal(scale=0.5, size=40), [-0.5, 0.5])
    out = {"X": X.tolist(), "y": y.tolist(), "yBinary": yb.tolist(), "yMulti": ym.tolist()}
    for name, model in {
        "ols": LinearRegression(),
        "ridge": Ridge(alpha=1.0),
        "lasso": Lasso(alpha=0.1, tol=1e-10, max_iter=100000),
        "elasticNet": ElasticNet(alpha=0.1, l1_ratio=0.5, tol=1e-10, max_iter=100000),
    }.items():
        model.fit(X, y)
        out[name] = {"coef": model.coef_.tolist(), "intercept": float(model.intercept_)}
    for name, target in {"logisticBinary": yb, "logisticMulti": ym}.items():
        model = LogisticRegression(tol=1e-10, max_iter=10000).fit(X, target)
        out[name] = {
            "coef": model.coef_.tolist(),
            "intercept": model.intercept_.tolist(),
            "proba": model.predict_proba(X[:5]).tolist(),
        }
    return out


def metric_cases():
    yt = rng.normal(size=50).round(3)
    yp = (yt + rng.normal(scale=0.5, size=50)).round(3)
    ct = rng.integers(0, 3, size=60)
    cp = np.where(rng.random(60) < 0.6, ct, rng.integers(0, 3, size=60))
    proba = rng.dirichlet([1, 1, 1], size=60).round(4)
    proba = proba / proba.sum(axis=1, keepdims=True)
    bt = (ct == 1).astype(int)
    score = rng.random(60).round(3)
    return {
        "yTrue": yt.tolist(), "yPred": yp.tolist(),
        "r2": metrics.r2_score(yt, yp), "mse": metrics.mean_squared_error(yt, yp),
        "mae": metrics.mean_absolute_error(yt, yp),
        "mape": metrics.mean_absolute_percentage_error(yt, yp),
        "maxError": metrics.max_error(yt, yp),
        "explainedVariance": metrics.explained_variance_score(yt, yp),
        "cTrue": ct.tolist(), "cPred": cp.tolist(), "proba": proba.tolist(),
        "bTrue": bt.tolist(), "score": score.tolist(),
        "accuracy": metrics.accuracy_score(ct, cp),
        "balancedAccuracy": metrics.balanced_accuracy_score(ct, cp),
        "f1Macro": metrics.f1_score(ct, cp, average="macro"),
        "f1Weighted": metrics.f1_score(ct, cp, average="weighted"),
        "precisionMacro": metrics.precision_score(ct, cp, average="macro"),
        "recallWeighted": metrics.recall_score(ct, cp, average="weighted"),
        "f1Binary": metrics.f1_score(bt, (cp == 1).astype(int)),
        "confusion": metrics.confusion_matrix(ct, cp).tolist(),
        "rocAucBinary": metrics.roc_auc_score(bt, score),
        "rocAucOvr": metrics.roc_auc_score(ct, proba, multi_class="ovr"),
        "logLoss": metrics.log_loss(ct, proba),
    }


def scaler_cases():
    X = rng.normal(loc=5, scale=3, size=(30, 3)).round(3)
    X[3, 0] = np.nan
    X[7, 2] = np.nan
    return {
        "X": [[None if np.isnan(v) else v for v in row] for row in X.tolist()],
        "standard": {"mean": StandardScaler().fit(X).mean_.tolist(), "scale": StandardScaler().fit(X).scale_.tolist()},
        "robust": {"center": RobustScaler().fit(X).center_.tolist(), "scale": RobustScaler().fit(X).scale_.tolist()},
        "minMax": {"min": np.nanmin(X, axis=0).tolist(), "max": np.nanmax(X, axis=0).tolist()},
    }


def tree_cases():
    X = rng.normal(size=(200, 4)).round(4)
    y = (np.sin(X[:, 0] * 2) + X[:, 1] ** 2 + rng.normal(scale=0.1, size=200)).round(4)
    yc = (X[:, 0] * X[:, 1] > 0).astype(int) + (X[:, 2] > 1).astype(int)
    Xt = rng.normal(size=(50, 4)).round(4)
    reg = DecisionTreeRegressor(max_depth=4, random_state=0).fit(X, y)
    clf = DecisionTreeClassifier(max_depth=4, random_state=0).fit(X, yc)
    return {
        "X": X.tolist(), "y": y.tolist(), "yClass": yc.tolist(), "Xtest": Xt.tolist(),
        "regPred": reg.predict(Xt).tolist(), "regImportance": reg.feature_importances_.tolist(),
        "regTrainPred": reg.predict(X).tolist(), "clfTrainPred": clf.predict(X).tolist(),
        "clfPred": clf.predict(Xt).tolist(),
    }


def boosting_cases():
    X = rng.normal(size=(600, 5)).round(4)
    X[rng.random((600, 5)) < 0.05] = np.nan
    Xf = np.nan_to_num(X)
    y = (np.sin(Xf[:, 0] * 2) * 2 + Xf[:, 1] * Xf[:, 2] + Xf[:, 3] + rng.normal(scale=0.2, size=600)).round(4)
    yc = (y > np.median(y)).astype(int)
    Xt = rng.normal(size=(100, 5)).round(4)
    reg = HistGradientBoostingRegressor(early_stopping=False).fit(X, y)
    clf = HistGradientBoostingClassifier(early_stopping=False).fit(X, yc)
    return {
        "X": [[None if np.isnan(v) else v for v in row] for row in X.tolist()],
        "y": y.tolist(), "yClass": yc.tolist(), "Xtest": Xt.tolist(),
        "regPred": reg.predict(Xt).tolist(), "clfProba": clf.predict_proba(Xt)[:, 1].tolist(),
    }


def knn_cases():
    X = rng.normal(size=(80, 3)).round(4)
    y = (X.sum(axis=1) + rng.normal(scale=0.1, size=80)).round(4)
    yc = (X[:, 0] > 0).astype(int)
    Xt = rng.normal(size=(20, 3)).round(4)
    return {
        "X": X.tolist(), "y": y.tolist(), "yClass": yc.tolist(), "Xtest": Xt.tolist(),
        "regPred": KNeighborsRegressor().fit(X, y).predict(Xt).tolist(),
        "regPredDistance": KNeighborsRegressor(weights="distance").fit(X, y).predict(Xt).tolist(),
        "clfProba": KNeighborsClassifier().fit(X, yc).predict_proba(Xt)[:, 1].tolist(),
    }


golden = {
    "sklearnVersion": sklearn.__version__,
    "linear": linear_cases(),
    "metrics": metric_cases(),
    "scalers": scaler_cases(),
    "trees": tree_cases(),
    "boosting": boosting_cases(),
    "knn": knn_cases(),
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
with open(path, "w") as f:
    json.dump(golden, f, separators=(",", ":"))
print("wrote", path)
