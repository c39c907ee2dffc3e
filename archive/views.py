"""Public, read-only pages. Placeholder: being written."""

from django.http import HttpResponse
from django.views.generic import View


def home(request):
    return HttpResponse("Quote archive")


class _Stub(View):
    def get(self, request, *args, **kwargs):
        return HttpResponse("")


ArticleListView = ArticleDetailView = SpeakerListView = SpeakerDetailView = _Stub
QuoteListView = QuoteDetailView = TopicListView = TopicDetailView = _Stub
