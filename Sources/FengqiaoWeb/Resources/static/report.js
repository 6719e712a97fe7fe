// Progressive enhancement of the residents' report page; the page works the same without it.
// - "使用我的当前位置" fills the latitude/longitude fields from the browser's geolocation;
// - choosing a five-colour bag clears the category, and choosing a category selects "反映问题",
//   so that the two choices never contradict each other.
(function () {
  'use strict';
  var button = document.getElementById('locate');
  var latitude = document.getElementById('latitude');
  var longitude = document.getElementById('longitude');
  var status = document.getElementById('locate-status');
  if (button && latitude && longitude && navigator.geolocation) {
    button.hidden = false;
    button.addEventListener('click', function () {
      status.textContent = '正在获取位置……';
      navigator.geolocation.getCurrentPosition(function (position) {
        latitude.value = position.coords.latitude.toFixed(6);
        longitude.value = position.coords.longitude.toFixed(6);
        status.textContent = '已填入当前位置';
      }, function () {
        status.textContent = '无法获取位置,请填写地点';
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  var category = document.getElementById('category');
  var bags = document.querySelectorAll('input[name="bag"]');
  if (category) {
    bags.forEach(function (bag) {
      bag.addEventListener('change', function () {
        if (bag.checked && bag.value !== '') { category.value = ''; }
      });
    });
    category.addEventListener('change', function () {
      if (category.value === '') { return; }
      bags.forEach(function (bag) { bag.checked = bag.value === ''; });
    });
  }
})();
