"""The editors' admin: every archive model registered for curation, with a review queue of unreviewed quotes.

Staff in the Editors group (migration 0002) hold the model permissions; the real work of each bulk action is a
plain function in ``archive.curation``.
"""

from django.contrib import admin

from . import articles, quotes, speakers, topics  # noqa: F401  (importing registers the model admins)
from .login import ThrottledLoginForm

admin.site.site_header = "Quote archive"
admin.site.site_title = "Quote archive admin"
admin.site.index_title = "Curation"
admin.site.index_template = "admin/archive/index.html"
admin.site.login_form = ThrottledLoginForm
