"""The dashboard's pages, one short file each, declared in app.py with st.navigation.

The folder is deliberately not called `pages/`: Streamlit treats a `pages/` folder beside
the entry script as an old-style multipage app until some session has run st.navigation,
so the first visitor of a deep link (/municipalities) would get the page without app.py.
"""
