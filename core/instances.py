"""Pages built from database rows without modelcluster's per-instance scan of the model's fields.

``ClusterableModel.__init__`` (every Wagtail page is one) lists the model's child relations — two passes over every
field of the model, reverse relations included, about a hundred on a page type — on each instance it builds, to
see whether the keyword arguments hold child objects. The rows Django loads arrive as positional values with no
keyword argument, so the answer is always no: an uncached page builds 20 to 80 page instances (menus, cards,
bylines), and this scan was about a fifth of each one's cost. With no keyword argument the scan is skipped;
anything else goes through modelcluster's own constructor unchanged. Installed in ``core.apps``.
"""

from modelcluster.models import ClusterableModel

_clusterable_init = ClusterableModel.__init__


def _init(self, *args, **kwargs):
    if kwargs:
        _clusterable_init(self, *args, **kwargs)
    else:
        super(ClusterableModel, self).__init__(*args)


def install():
    ClusterableModel.__init__ = _init
