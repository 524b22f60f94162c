"""Querysets whose SQL Django builds once per process, then runs with each call's values.

Every page served asks the same few questions — which site, which child of this page has this slug, the site
settings, the frame's pages, the view restrictions — and Django builds each query anew every time: the filters
resolved field by field, the joins, then the SQL of forty to sixty bilingual columns written out. On an uncached
page that building costs more of Django's time than PostgreSQL spends answering (bench/README.md, issue 20).
Nothing about those queries changes from one request to the next but their values, so this builds each one once,
keeps its SQL and the compiler's description of the rows, and then only runs it::

    @prepared(str)
    def candidate_sites(hostname):
        return Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True)).select_related("root_page")

    list(candidate_sites("localhost"))

A prepared function returns a real QuerySet. Iterating it (``list()``, ``for``, ``bool()``, ``len()``,
slicing an evaluated queryset) runs the kept SQL and builds the instances as Django does, ``select_related``,
annotations and ``prefetch_related`` included; ``all()`` gives another prepared queryset. Anything else —
``filter()``, ``count()``, ``exists()``, ``get()``, ``update()`` — builds the queryset from the function as usual
and goes on from there, so a prepared queryset never answers differently from the one the function builds.

What the function may depend on: its arguments, the active language (wagtail-modeltranslation rewrites field
names by it: each language has its own SQL) and the database it reads. Nothing else that varies — no clock, no
setting read at call time — or the first call's value would be kept. Arguments are declared by kind: ``str``,
``int``, ``[int]``/``[str]`` for a list (one SQL per list length, for ``pk__in`` and the like), or ``Key`` for a
value written into the SQL itself rather than passed with it (a slice's limit: one SQL per value). The SQL is
learnt by building the function twice with two sets of stand-in values and compiling both: the parameters that
differ are the arguments' places, the others are constants. A lookup that rewrites its value (``startswith``,
``contains``, ``iexact``'s ``UPPER`` aside) cannot be prepared, and saying so is an error at the first call, in
the tests; so is a ``Prefetch`` whose queryset depends on the arguments. A query Django knows to be empty (an
empty ``__in`` list) is left to Django.
"""

from __future__ import annotations

import functools
import threading

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections
from django.db.models import Prefetch
from django.utils import translation

# SQL kept per function: one per language, list length and key value. A function whose keys take many values (a
# listing's page number) keeps the first ones; the others are built by Django, so memory stays bounded.
MAX_STATEMENTS = 64
# Two sets of stand-in values (A and B): a parameter that differs between the two compilations is an argument's.
# Integers stay within PostgreSQL's smallint, so that Django's out-of-range handling never turns a lookup into an
# empty result.
_INT_BASE = {"A": 30_011, "B": 31_013}


class Key:
    """The kind of an argument that is part of the SQL (a limit) rather than a value passed with it."""


def _stand_in(kind, position, pass_name, length=0):
    if isinstance(kind, list):
        return [_stand_in(kind[0], position * 100 + index, pass_name) for index in range(length)]
    if kind is str:
        return f"\x1fprepared-{pass_name}-{position}\x1f"
    if kind is int:
        return _INT_BASE[pass_name] + position
    raise ImproperlyConfigured(f"prepared(): unsupported argument kind {kind!r} (str, int, [int], [str] or Key)")


def _flat(values):
    for value in values:
        if isinstance(value, list):
            yield from value
        else:
            yield value


class _Statement:
    """One query's SQL for one language and database: the kept compiler, the SQL, and where each value goes."""

    __slots__ = ("template", "compiler", "sql", "params", "slots", "empty", "converters")

    def __init__(self, template, compiler, sql, params, slots, empty=False):
        self.template = template
        self.compiler = compiler
        self.sql = sql
        self.params = params
        self.slots = slots
        self.empty = empty
        # How each column's value is converted (the fields' and the backend's converters), worked out once for the
        # connection that compiled the statement: the sync worker's only one.
        self.converters = None
        if compiler is not None:
            self.converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])


class _PreparedQuery:
    """Stands in for the queryset's ``query``: the iterables Django runs a queryset with ask it for a compiler and
    get the kept one with this call's values; anything else is asked of the query the function builds."""

    def __init__(self, statement, values, build):
        self._statement = statement
        self._values = values
        self._build = build

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        statement = self._statement
        # A shallow copy, as copy.copy() makes it, without its generic machinery (it runs for every query).
        compiler = object.__new__(type(statement.compiler))
        vars(compiler).update(vars(statement.compiler))
        compiler.connection = connection or connections[using]
        params = list(statement.params)
        for position, index in statement.slots:
            params[position] = self._values[index]
        params = tuple(params)
        sql = statement.sql
        # The compiler is Django's own, already set up: only the SQL text and its values are given anew.
        compiler.as_sql = lambda with_limits=True, with_col_aliases=False: (sql, params)
        compiler.pre_sql_setup = lambda with_col_aliases=False: None
        if compiler.connection is statement.compiler.connection:
            converters = statement.converters
            compiler.get_converters = lambda expressions: converters
        return compiler

    def __getattr__(self, name):
        return getattr(self._build().query, name)


class PreparedQuerySetFunction:
    """The callable ``prepared(...)`` returns (see the module's docstring)."""

    def __init__(self, function, kinds):
        self.function = function
        self.kinds = kinds
        self.statements = {}
        self._lock = threading.Lock()
        functools.update_wrapper(self, function)

    def __call__(self, *args):
        if len(args) != len(self.kinds):
            raise TypeError(f"{self.function.__qualname__}() takes {len(self.kinds)} arguments ({len(args)} given)")
        lengths = tuple(len(arg) for arg, kind in zip(args, self.kinds, strict=True) if isinstance(kind, list))
        keys = tuple(arg for arg, kind in zip(args, self.kinds, strict=True) if kind is Key)
        key = (translation.get_language(), lengths, keys)
        statement = self.statements.get(key)
        if statement is None:
            if len(self.statements) >= MAX_STATEMENTS:
                # A key of unbounded values (a page number a crawler makes up): past the bound, Django builds it.
                return self.function(*args)
            with self._lock:
                statement = self.statements.get(key) or self._prepare(key, args)
        if statement.empty:
            return self.function(*args)
        values = tuple(_flat(arg for arg, kind in zip(args, self.kinds, strict=True) if kind is not Key))
        built = []

        def build():
            if not built:
                built.append(self.function(*args))
            return built[0]

        template = statement.template
        queryset = template.__class__.__new__(template.__class__)
        vars(queryset).update(vars(template))  # a shallow copy: copy.copy() would run the template's query
        queryset._query = _PreparedQuery(statement, values, build)
        queryset._result_cache = None
        queryset._prefetch_done = False
        queryset._prefetch_related_lookups = template._prefetch_related_lookups[:]
        # Chaining (filter, order_by, get, first…) goes on from the queryset the function builds with these values.
        queryset._chain = lambda: build()._chain()
        queryset._clone = lambda: build()._clone()
        # all() asks for the same rows: another prepared queryset (a form field takes its choices through it).
        queryset.all = lambda: self(*args)
        return queryset

    def _prepare(self, key, args):
        compiled = {}
        for pass_name in ("A", "B"):
            stand_ins = [
                arg if kind is Key else _stand_in(kind, position, pass_name, len(arg) if isinstance(kind, list) else 0)
                for position, (arg, kind) in enumerate(zip(args, self.kinds, strict=True))
            ]
            queryset = self.function(*stand_ins)
            compiler = queryset.query.get_compiler(using=queryset.db)
            try:
                sql, params = compiler.as_sql()
            except EmptyResultSet:
                statement = self.statements[key] = _Statement(None, None, None, None, None, empty=True)
                return statement
            passed = [stand_in for stand_in, kind in zip(stand_ins, self.kinds, strict=True) if kind is not Key]
            compiled[pass_name] = (queryset, compiler, sql, tuple(params), list(_flat(passed)))
        template, compiler, sql, params, stand_ins_a = compiled["A"]
        _, _, sql_b, params_b, stand_ins_b = compiled["B"]
        name = self.function.__qualname__
        if sql != sql_b or len(params) != len(params_b):
            raise ImproperlyConfigured(f"prepared {name}(): the SQL depends on the arguments' values")
        slots = []
        for position, (value_a, value_b) in enumerate(zip(params, params_b, strict=True)):
            if value_a == value_b:
                continue
            matches = [index for index, stand_in in enumerate(stand_ins_a) if stand_in == value_a]
            if len(matches) != 1 or stand_ins_b[matches[0]] != value_b:
                raise ImproperlyConfigured(
                    f"prepared {name}(): a lookup rewrites an argument ({value_a!r}); only exact values can be "
                    "prepared (use a range or an exact match instead of startswith, contains…)"
                )
            slots.append((position, matches[0]))
        used = {index for _, index in slots}
        if len(used) != len(stand_ins_a):
            raise ImproperlyConfigured(f"prepared {name}(): an argument is not a parameter of the SQL")
        self._check_prefetches(name, template, compiled["B"][0])
        statement = self.statements[key] = _Statement(template, compiler, sql, params, tuple(slots))
        return statement

    @staticmethod
    def _check_prefetches(name, queryset_a, queryset_b):
        """A Prefetch's queryset is run as the template holds it: it must not depend on the arguments."""
        for lookup_a, lookup_b in zip(
            queryset_a._prefetch_related_lookups, queryset_b._prefetch_related_lookups, strict=True
        ):
            if not isinstance(lookup_a, Prefetch) or lookup_a.queryset is None:
                continue
            sql_a = lookup_a.queryset.query.get_compiler(using=lookup_a.queryset.db).as_sql()
            sql_b = lookup_b.queryset.query.get_compiler(using=lookup_b.queryset.db).as_sql()
            if sql_a != sql_b:
                raise ImproperlyConfigured(f"prepared {name}(): a Prefetch's queryset depends on the arguments")


def prepared(*kinds):
    """Decorate a function that builds a queryset from arguments of the given kinds (``str``, ``int``, ``[int]``,
    ``[str]``, ``Key``): its SQL is built once per language and database, then run with each call's values."""

    def decorate(function):
        return PreparedQuerySetFunction(function, kinds)

    return decorate


_BY_KEY = {}


def prepared_for(key, build, *kinds):
    """``prepared(*kinds)(build)``, made once per ``key``: for a query whose model is only known at run time (a
    relation's other end, a page type), one prepared function per model."""
    function = _BY_KEY.get(key)
    if function is None:
        function = _BY_KEY.setdefault(key, prepared(*kinds)(build))
    return function
