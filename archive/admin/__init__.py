"""The editors' admin: every archive model registered for curation, with a review queue of unreviewed quotes.

Staff in the Editors group (migration 0002) hold the model permissions; the real work of each bulk action is a
plain function in ``archive.curation``.
"""

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.utils.text import Truncator

from ..models import Speaker
from . import activity, articles, quotes, speakers, topics  # noqa: F401  (importing registers the model admins)
from .login import ThrottledLoginForm

admin.site.site_header = "Quote archive"
admin.site.site_title = "Quote archive admin"
admin.site.index_title = "Curation"
admin.site.index_template = "admin/archive/index.html"


class RolesAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete, with a speaker's role beside the name: two Aliyevs are told apart by it."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        if isinstance(obj, Speaker) and obj.description:
            result["text"] = f"{obj.name} — {Truncator(obj.description).chars(60)}"
        return result


def autocomplete_view(request):
    return RolesAutocompleteJsonView.as_view(admin_site=admin.site)(request)


# AdminSite.get_urls mounts this attribute at /admin/autocomplete/ when the URLs are first read, after this module.
admin.site.autocomplete_view = autocomplete_view

admin.site.login_form = ThrottledLoginForm
