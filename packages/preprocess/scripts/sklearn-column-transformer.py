"""Reference outputs of scikit-learn 1.2's ColumnTransformer for column-transformer.test.ts.

Run from packages/preprocess with Debian's Python (scikit-learn 1.2, pandas 1.5):
    apt-get install -y python3-sklearn python3-pandas
    /usr/bin/python3 scripts/sklearn-column-transformer.py
Writes src/fixtures/column-transformer.json. The real tables (penguins, cars) are read
from node_modules/vega-datasets/data (a devDependency); only names, statistics and a few
transformed rows of them are written, never the data.

Each table is given as raw cells (as a CSV/JSON reader gives them: numbers, text, null). The
script converts them as lab's coerceTable documents it (booleans true/yes/1 -> 1, false/no/0 -> 0;
ISO dates -> fractional year in UTC; text numbers -> numbers; missing cells -> NaN), then fits

    ColumnTransformer([
        ('num', Pipeline([('impute', imputer), ('scale', scaler)]), numeric_boolean_date_columns),
        ('cat', Pipeline([('impute', SimpleImputer(strategy=...)),
                          ('onehot', OneHotEncoder(handle_unknown='ignore', sparse_output=False))]),
         categorical_columns)])

on the train rows for every option combination, and records get_feature_names_out() and the
transformed train and test rows.
"""
import json
import os
from datetime import datetime, timezone

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'src', 'fixtures', 'column-transformer.json')
VEGA = os.path.join(HERE, '..', 'node_modules', 'vega-datasets', 'data')
MISSING = {'', 'NA', 'NaN', 'nan', 'N/A', 'null'}


def is_missing(v, extra=()):
    return v is None or (isinstance(v, float) and np.isnan(v)) or (isinstance(v, str) and (v.strip() in MISSING or v.strip() in extra))


def fractional_year(text):
    dt = datetime.fromisoformat(text.strip().replace('Z', '+00:00'))
    dt = dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)
    start = datetime(dt.year, 1, 1, tzinfo=timezone.utc)
    end = datetime(dt.year + 1, 1, 1, tzinfo=timezone.utc)
    return dt.year + (dt - start) / (end - start)


def convert(kind, values, extra=()):
    if kind == 'categorical':
        return pd.Series([np.nan if is_missing(v, extra) else str(v) for v in values], dtype=object)
    def number(v):
        if is_missing(v, extra):
            return np.nan
        if kind == 'boolean':
            return {'true': 1.0, 'yes': 1.0, '1': 1.0, 'false': 0.0, 'no': 0.0, '0': 0.0}[str(v).strip().lower()]
        if kind == 'date':
            return fractional_year(v)
        return float(v)
    return pd.Series([number(v) for v in values], dtype=float)


def frame(specs, cells, extra=None):
    extra = extra or {}
    return pd.DataFrame({s['name']: convert(s['kind'], cells[s['name']], extra.get(s['name'], ())) for s in specs})


def make(specs, numeric, categorical):
    num_cols = [s['name'] for s in specs if s['kind'] != 'categorical']
    cat_cols = [s['name'] for s in specs if s['kind'] == 'categorical']
    impute = numeric.get('impute', 'mean')
    if impute == 'knn':
        imputer = KNNImputer(n_neighbors=numeric.get('nNeighbors', 5))
    else:
        imputer = SimpleImputer(strategy=impute, fill_value=numeric.get('fillValue', 0) if impute == 'constant' else None)
    scale = numeric.get('scale', 'standard')
    steps = [('impute', imputer)] + ([] if scale == 'none' else [('scale', StandardScaler() if scale == 'standard' else MinMaxScaler())])
    cat_impute = categorical.get('impute', 'most_frequent')
    cat_imputer = SimpleImputer(strategy=cat_impute, fill_value=categorical.get('fillValue', 'missing_value') if cat_impute == 'constant' else None)
    branches = []
    if num_cols:
        branches.append(('num', Pipeline(steps), num_cols))
    if cat_cols:
        branches.append(('cat', Pipeline([('impute', cat_imputer), ('onehot', OneHotEncoder(handle_unknown='ignore', sparse_output=False))]), cat_cols))
    return ColumnTransformer(branches)


def rounded(matrix):
    return [[float(f'{v:.10g}') for v in row] for row in np.asarray(matrix, dtype=float)]


def cells_json(cells):
    return {k: [None if (isinstance(v, float) and np.isnan(v)) else v for v in vs] for k, vs in cells.items()}


# Raw cells, as a reader gives them. Test rows hold a category never seen in fit (Oslo, purple)
# and a missing cell in every column.
MIXED = {
    'specs': [
        {'name': 'height', 'kind': 'numeric'},
        {'name': 'count', 'kind': 'numeric'},
        {'name': 'smoker', 'kind': 'boolean'},
        {'name': 'visit', 'kind': 'date'},
        {'name': 'city', 'kind': 'categorical'},
        {'name': 'grade', 'kind': 'categorical'},
    ],
    'train': {
        'height': [1.62, 1.75, None, 1.80, 1.55, 1.70, 1.68, None, 1.91, 1.75],
        'count': ['3', '1', '4', 'NA', '1', '5', '9', '2', '6', ''],
        'smoker': ['yes', 'no', 'No', None, 'TRUE', 'false', 'no', 'yes', 'no', 'no'],
        'visit': ['2020-01-15', '2021-06-30T12:00', None, '2019-12-31 23:59', '2020-02-29', '2022-03-01T08:30:15', '2020-01-15', '2021-11-11', 'NA', '2023-07-04'],
        'city': ['Paris', 'Lima', None, 'Paris', 'Lima', 'Kyoto', None, 'Kyoto', 'Accra', 'Lima'],
        'grade': ['B', 'A', 'C', 'B', None, 'A', 'C', 'B', 'A', None],
    },
    'test': {
        'height': [1.60, None, 1.99, 1.72, 1.50],
        'count': ['2', '7', 'NA', '0', '12'],
        'smoker': ['no', 'yes', None, 'Yes', 'no'],
        'visit': ['2020-06-01', None, '2024-02-29T00:00', '2018-01-01', '2021-06-30'],
        'city': ['Oslo', 'Paris', None, 'Kyoto', 'Lima'],
        'grade': ['A', None, 'B', 'D', 'C'],
    },
}

# Numbers only; 'empty' has no value in fit, so scikit-learn 1.2's imputers drop it (except constant).
NUMERIC_ONLY = {
    'specs': [{'name': 'x', 'kind': 'numeric'}, {'name': 'y', 'kind': 'numeric'}, {'name': 'empty', 'kind': 'numeric'}],
    'train': {
        'x': [0.5, None, 2.5, 2.5, -1.0, 4.0, None, 3.25],
        'y': [10, 20, 20, None, 40, 10, 30, 20],
        'empty': [None] * 8,
    },
    'test': {'x': [None, 1.0, 100.0], 'y': [None, 15, -5], 'empty': [1.0, None, 2.0]},
}

# Categories only; 'blank' has no value in fit: dropped by most_frequent, 'missing_value' by constant.
CATEGORICAL_ONLY = {
    'specs': [{'name': 'color', 'kind': 'categorical'}, {'name': 'shape', 'kind': 'categorical'}, {'name': 'blank', 'kind': 'categorical'}],
    'kinds': {'blank': 'categorical'},
    'train': {
        'color': ['red', 'blue', None, 'red', 'green', 'blue', None],
        'shape': ['square', 'circle', 'circle', None, 'square', 'triangle', 'circle'],
        'blank': [None] * 7,
    },
    'test': {'color': ['purple', None, 'green'], 'shape': [None, 'square', 'hexagon'], 'blank': ['x', None, None]},
}

NUMERIC_VARIANTS = [
    {'impute': 'mean'}, {'impute': 'median'}, {'impute': 'most_frequent'}, {'impute': 'constant'},
    {'impute': 'constant', 'fillValue': -1.5}, {'impute': 'knn'}, {'impute': 'knn', 'nNeighbors': 2},
]
SCALES = ['standard', 'minmax', 'none']
CATEGORICAL_VARIANTS = [{'impute': 'most_frequent'}, {'impute': 'constant'}, {'impute': 'constant', 'fillValue': 'other'}]


def synthetic_cases():
    cases = []
    for table_name, table in [('mixed', MIXED), ('numeric-only', NUMERIC_ONLY), ('categorical-only', CATEGORICAL_ONLY)]:
        specs = table['specs']
        has_num = any(s['kind'] != 'categorical' for s in specs)
        has_cat = any(s['kind'] == 'categorical' for s in specs)
        combos = []
        for num in NUMERIC_VARIANTS if has_num else [{}]:
            for scale in SCALES if has_num else [None]:
                for cat in CATEGORICAL_VARIANTS if has_cat else [{}]:
                    # The third categorical variant only with the default numeric options, to keep the fixture small.
                    if cat.get('fillValue') and (num.get('impute', 'mean') != 'mean' or scale not in (None, 'standard')):
                        continue
                    combos.append(({**num, **({'scale': scale} if scale else {})}, cat))
        for num, cat in combos:
            train, test = frame(specs, table['train']), frame(specs, table['test'])
            ct = make(specs, num, cat)
            cases.append({
                'table': table_name,
                'numeric': num,
                'categorical': cat,
                'featureNames': [str(n) for n in ct.fit(train).get_feature_names_out()],
                'train': rounded(ct.transform(train)),
                'test': rounded(ct.transform(test)),
            })
    tables = {name: {'specs': t['specs'], 'kinds': t.get('kinds', {}), 'train': cells_json(t['train']), 'test': cells_json(t['test'])}
              for name, t in [('mixed', MIXED), ('numeric-only', NUMERIC_ONLY), ('categorical-only', CATEGORICAL_ONLY)]}
    return tables, cases


def real_case(file, specs, numeric, extra=None):
    with open(os.path.join(VEGA, file)) as f:
        records = json.load(f)
    cells = {s['name']: [r.get(s['name']) for r in records] for s in specs}
    data = frame(specs, cells, extra)
    ct = make(specs, numeric, {}).fit(data)
    out = ct.transform(data)
    # The first rows and every row with a missing cell, to check imputation on real data.
    rows = sorted(set(range(5)) | set(np.flatnonzero(data.isna().any(axis=1).to_numpy()).tolist()))
    num = ct.named_transformers_.get('num')
    cat = ct.named_transformers_['cat']
    summary = {'catFill': [str(v) for v in cat.named_steps['impute'].statistics_], 'categories': [[str(v) for v in c] for c in cat.named_steps['onehot'].categories_]}
    if num is not None:
        imputer = num.named_steps['impute']
        summary['numFill'] = imputer.statistics_.tolist() if hasattr(imputer, 'statistics_') else None
        scaler = num.named_steps.get('scale')
        if isinstance(scaler, StandardScaler):
            summary['mean'], summary['scale'] = scaler.mean_.tolist(), scaler.scale_.tolist()
        if isinstance(scaler, MinMaxScaler):
            summary['min'], summary['max'] = scaler.data_min_.tolist(), scaler.data_max_.tolist()
    return {
        'file': file,
        'specs': specs,
        'numeric': numeric,
        'missing': {k: list(v) for k, v in (extra or {}).items()},
        'shape': list(out.shape),
        'featureNames': [str(n) for n in ct.get_feature_names_out()],
        'missingCounts': {s['name']: int(data[s['name']].isna().sum()) for s in specs},
        'rowIndices': rows,
        'rows': rounded(out[rows]),
        'summary': summary,
    }


PENGUINS = [
    {'name': 'Species', 'kind': 'categorical'}, {'name': 'Island', 'kind': 'categorical'},
    {'name': 'Beak Length (mm)', 'kind': 'numeric'}, {'name': 'Beak Depth (mm)', 'kind': 'numeric'},
    {'name': 'Flipper Length (mm)', 'kind': 'numeric'}, {'name': 'Body Mass (g)', 'kind': 'numeric'},
    {'name': 'Sex', 'kind': 'categorical'},
]
CARS = [
    {'name': 'Name', 'kind': 'categorical'}, {'name': 'Miles_per_Gallon', 'kind': 'numeric'},
    {'name': 'Cylinders', 'kind': 'numeric'}, {'name': 'Displacement', 'kind': 'numeric'},
    {'name': 'Horsepower', 'kind': 'numeric'}, {'name': 'Weight_in_lbs', 'kind': 'numeric'},
    {'name': 'Acceleration', 'kind': 'numeric'}, {'name': 'Year', 'kind': 'date'},
    {'name': 'Origin', 'kind': 'categorical'},
]

if __name__ == '__main__':
    tables, cases = synthetic_cases()
    real = [
        real_case('penguins.json', PENGUINS, {'impute': 'mean', 'scale': 'standard'}, {'Sex': ['.']}),
        real_case('penguins.json', PENGUINS, {'impute': 'knn', 'nNeighbors': 5, 'scale': 'minmax'}, {'Sex': ['.']}),
        real_case('cars.json', CARS, {'impute': 'median', 'scale': 'standard'}),
    ]
    fixture = {
        'source': f'scikit-learn {sklearn.__version__}, pandas {pd.__version__}, numpy {np.__version__}: scripts/sklearn-column-transformer.py',
        'tables': tables,
        'cases': cases,
        'real': real,
    }
    with open(OUT, 'w') as f:
        json.dump(fixture, f, separators=(',', ':'))
        f.write('\n')
    print(f'{len(cases)} cases, {len(real)} real-table cases -> {os.path.relpath(OUT)} ({os.path.getsize(OUT)} bytes)')
