from django.contrib import admin
from django.urls import path

from . import feeds, views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("articles/", views.ArticleListView.as_view(), name="article_list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("speakers/", views.SpeakerListView.as_view(), name="speaker_list"),
    path("speakers/<slug:slug>/", views.SpeakerDetailView.as_view(), name="speaker_detail"),
    path("speakers/<slug:slug>/feed/", feeds.SpeakerFeed(), name="speaker_feed"),
    path("quotes/", views.QuoteListView.as_view(), name="quote_list"),
    path("quotes/export.csv", views.export_quotes, {"fmt": "csv"}, name="quote_export_csv"),
    path("quotes/export.json", views.export_quotes, {"fmt": "json"}, name="quote_export_json"),
    path("quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote_detail"),
    path("topics/", views.TopicListView.as_view(), name="topic_list"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic_detail"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="topic_feed"),
]
