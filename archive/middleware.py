"""A Content-Security-Policy header on every response (Django 5.2 has no setting of its own for it).

The public pages and the admin load scripts, styles and images from this site only, with no inline script or
style, so the strict policy of ``settings.CONTENT_SECURITY_POLICY`` holds for both (the browser tests check it).
"""

from __future__ import annotations

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        # A view that needs another policy sets its own header; an empty setting turns the header off.
        if self.policy and "Content-Security-Policy" not in response.headers:
            response.headers["Content-Security-Policy"] = self.policy
        return response
