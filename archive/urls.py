from django.contrib import admin
from django.urls import path

from . import cards, feeds, views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("articles/", views.ArticleListView.as_view(), name="article_list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("speakers/", views.SpeakerListView.as_view(), name="speaker_list"),
    path("speakers/suggest.json", views.speaker_suggestions, name="speaker_suggestions"),
    path("speakers/<slug:slug>/", views.SpeakerDetailView.as_view(), name="speaker_detail"),
    path("speakers/<slug:slug>/feed/", feeds.SpeakerFeed(), name="speaker_feed"),
    path("quotes/", views.QuoteListView.as_view(), name="quote_list"),
    path("quotes/feed/", feeds.FilteredQuoteFeed(), name="quote_feed"),
    path("quotes/export.csv", views.export_quotes, {"fmt": "csv"}, name="quote_export_csv"),
    path("quotes/export.json", views.export_quotes, {"fmt": "json"}, name="quote_export_json"),
    # Row numbers were the addresses before public ids: they redirect, so old citations keep working.
    path("quotes/<int:pk>/", views.quote_by_row, name="quote_by_row"),
    path("quotes/<slug:public_id>/", views.quote_detail, name="quote_detail"),
    path("quotes/<slug:public_id>/card.png", cards.quote_card, name="quote_card"),
    path("topics/", views.TopicListView.as_view(), name="topic_list"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic_detail"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="topic_feed"),
]
