from django.urls import path

from audience.counting import mirror_view

urlpatterns = [path("_audience/hit/", mirror_view, name="audience_mirror")]
